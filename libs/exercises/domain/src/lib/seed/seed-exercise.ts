import { z } from 'zod';
import { ExerciseContentShapes, ExerciseMetaShape, type Exercise } from '../exercise/exercise';

/** The levels of the seed exercises: the programme's first three (later levels come from admins). */
export const SEED_EXERCISE_LEVELS = ['A1', 'A2', 'B1'] as const;

const Slug = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens')
  .refine((slug) => !slug.startsWith('wk-'), 'wk- starts the ids of weekly exercises');

const SeedMeta = {
  slug: Slug,
  title: ExerciseMetaShape.title,
  level: z.enum(SEED_EXERCISE_LEVELS),
  /** One of the dictionary's topic slugs, when the exercise practises a topic's words. */
  topic: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(80).optional(),
  instructions: ExerciseMetaShape.instructions,
};

/**
 * One exercise of the seed, written for Tall (`libs/exercises/infrastructure/src/assets/seed/
 * exercises/<nn>-<slug>.json`): its type's content with the answers, which never reach a client.
 */
export const SeedExerciseSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...SeedMeta, ...ExerciseContentShapes.order }),
  z.strictObject({ ...SeedMeta, ...ExerciseContentShapes.match }),
  z.strictObject({ ...SeedMeta, ...ExerciseContentShapes.buckets }),
  z.strictObject({ ...SeedMeta, ...ExerciseContentShapes.cloze }),
]);
export type SeedExercise = z.infer<typeof SeedExerciseSchema>;

export function exerciseOfSeed(seed: SeedExercise): Exercise {
  const { slug, topic, ...content } = seed;
  return { id: slug, topic: topic ?? null, ...content } as Exercise;
}

/** The file a seed exercise lives in: `<nn>-<slug>.json`. */
export function seedExerciseFileName(index: number, slug: string): string {
  return `${String(index).padStart(2, '0')}-${slug}.json`;
}
