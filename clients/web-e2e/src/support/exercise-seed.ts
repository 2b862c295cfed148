import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './stack';

/**
 * The school's seed exercises with their answers, read from the files the API loads at start (as
 * the API's black-box tests read the seed dictionary): the answers a student would know.
 */
const SEED = join(root, 'libs/exercises/infrastructure/src/assets/seed/exercises');

/** The parts of a seed file the flows need (the format is the exercises domain's `SeedExercise`). */
export type SeedExercise =
  | { slug: string; title: string; type: 'order'; items: Array<{ id: string; sentence: string }> }
  | { slug: string; title: string; type: 'match'; items: Array<{ id: string; left: string; right: string }> }
  | { slug: string; title: string; type: 'buckets'; buckets: Array<{ id: string; label: string }>; items: Array<{ id: string; text: string; bucket: string }> }
  | { slug: string; title: string; type: 'cloze'; items: Array<{ id: string; sentence: string; blanks: Array<{ answer: string }> }>; wordBank?: { extra: string[] } | null };

export function seedExercise<T extends SeedExercise['type']>(slug: string, type: T): Extract<SeedExercise, { type: T }> {
  const file = readdirSync(SEED).find((name) => name.endsWith(`-${slug}.json`) && /^\d+-/.test(name));
  if (!file) throw new Error(`no seed exercise ${slug}`);
  const exercise = JSON.parse(readFileSync(join(SEED, file), 'utf8')) as SeedExercise;
  if (exercise.type !== type) throw new Error(`${slug} is a ${exercise.type} exercise, not ${type}`);
  return exercise as Extract<SeedExercise, { type: T }>;
}

/** A sentence's words in order, without its closing mark: what the order exercise's tiles must show. */
export function sentenceWords(sentence: string): string[] {
  return sentence
    .trim()
    .replace(/[.!?…]+["”’)]?$/u, '')
    .split(/\s+/u)
    .filter(Boolean);
}
