import { call, type TallApi } from '@tall/client/api';
import type { ExerciseAttemptBody, ExerciseAttemptResult, ExerciseList, ExerciseListQuery, PublicExercise, WeeklySet } from './exercise-types';

/** What the exercises' pages ask of the API. Failures are thrown as ApiProblem. */
export interface ExercisesApi {
  listExercises(query: ExerciseListQuery): Promise<ExerciseList>;
  /** The student's set for this week, made on the first call of the week. */
  getWeekly(): Promise<WeeklySet>;
  getExercise(id: string): Promise<PublicExercise>;
  submitAttempt(id: string, body: ExerciseAttemptBody): Promise<ExerciseAttemptResult>;
}

export function createExercisesApi(api: TallApi): ExercisesApi {
  const path = (id: string) => ({ params: { path: { id } } });
  return {
    listExercises: (query) => call(api.GET('/api/v1/exercises', { params: { query } })),
    getWeekly: () => call(api.GET('/api/v1/exercises/weekly')),
    getExercise: (id) => call(api.GET('/api/v1/exercises/{id}', path(id))),
    submitAttempt: (id, body) => call(api.POST('/api/v1/exercises/{id}/attempts', { ...path(id), body })),
  };
}
