export { ExercisesModule, type ExercisesModuleOptions } from './lib/exercises.module';
export { exercisesDatabaseName } from './lib/persistence/exercises-connection';
export { loadSeedExercises, type SeedLoadReport } from './lib/seed/exercise-seed-loader';
export { readSeedExercises, SEED_EXERCISES_DIR } from './lib/seed/seed-exercises';
