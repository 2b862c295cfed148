import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertValidExercise, exerciseOfSeed, SeedExerciseSchema, type Exercise } from '@tall/exercises/domain';

/** Where the seed exercises are (one JSON file per exercise, read in file-name order). */
export const SEED_EXERCISES_DIR = join(__dirname, '../../assets/seed/exercises');

/**
 * The seed exercises, each parsed with its schema and checked as the domain checks an exercise
 * (a file that does not parse or has problems throws, naming it).
 */
export function readSeedExercises(directory = SEED_EXERCISES_DIR): Array<{ file: string; exercise: Exercise; seed: unknown }> {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => {
      const seed: unknown = JSON.parse(readFileSync(join(directory, file), 'utf8'));
      const parsed = SeedExerciseSchema.safeParse(seed);
      if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      try {
        return { file, exercise: assertValidExercise(exerciseOfSeed(parsed.data)), seed };
      } catch (error) {
        throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
}
