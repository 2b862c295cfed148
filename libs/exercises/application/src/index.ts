import { ExerciseFinder } from './lib/exercises/exercise-finder';
import { GetExerciseHandler } from './lib/exercises/get-exercise/get-exercise.handler';
import { ListExercisesHandler } from './lib/exercises/list-exercises/list-exercises.handler';
import { SubmitExerciseAttemptHandler } from './lib/attempts/submit-attempt/submit-attempt.handler';
import { EraseExercisesDataHandler } from './lib/user-data/erase-exercises-data/erase-exercises-data.handler';
import { ExportExercisesDataHandler } from './lib/user-data/export-exercises-data/export-exercises-data.handler';
import { OpenWeeklySetHandler } from './lib/weekly/open-weekly-set/open-weekly-set.handler';

export * from './lib/exercises-error';
export * from './lib/ports/exercise-catalog.port';
export * from './lib/ports/student-exercises.port';
export * from './lib/ports/weekly-set-store.port';
export * from './lib/ports/practice-words.port';

export * from './lib/exercises/list-exercises/list-exercises.query';
export * from './lib/exercises/get-exercise/get-exercise.query';
export * from './lib/weekly/open-weekly-set/open-weekly-set.command';
export * from './lib/attempts/submit-attempt/submit-attempt.command';
export * from './lib/user-data/export-exercises-data/export-exercises-data.query';
export * from './lib/user-data/erase-exercises-data/erase-exercises-data.command';

/** Services the handlers share. */
export const exercisesCollaborators = [ExerciseFinder];
export const exercisesQueryHandlers = [ListExercisesHandler, GetExerciseHandler, ExportExercisesDataHandler];
export const exercisesCommandHandlers = [OpenWeeklySetHandler, SubmitExerciseAttemptHandler, EraseExercisesDataHandler];
