// The exercises' HTTP shapes, by their names in the API's OpenAPI document (generated types).
import type { components, operations } from '@tall/client/api';

type Schemas = components['schemas'];

export type ExerciseList = Schemas['ExerciseListDto'];
export type ExerciseSummary = ExerciseList['items'][number];
export type ExerciseType = ExerciseSummary['type'];
export type ExerciseLevel = ExerciseSummary['level'];
/** The student's latest attempt at an exercise. */
export type LastScore = NonNullable<ExerciseSummary['lastScore']>;
export type ExerciseListQuery = NonNullable<operations['ExercisesController_list_v1']['parameters']['query']>;

/** An exercise as a student gets it: without its answers. */
export type PublicExercise = Schemas['PublicExerciseDto'];
export type OrderExercise = Extract<PublicExercise, { type: 'order' }>;
export type MatchExercise = Extract<PublicExercise, { type: 'match' }>;
export type BucketsExercise = Extract<PublicExercise, { type: 'buckets' }>;
export type ClozeExercise = Extract<PublicExercise, { type: 'cloze' }>;
export type WeeklySet = Schemas['WeeklySetDto'];

export type ExerciseAttemptBody = Schemas['ExerciseAttemptDto'];
export type ExerciseAttemptResult = Schemas['ExerciseAttemptResultDto'];
/** One item's mark: right or not, and the right answer (the sentence, the option, the bucket's id, the blanks' words). */
export type ItemResult = ExerciseAttemptResult['results'][number];

export const EXERCISE_TYPES: readonly ExerciseType[] = ['order', 'match', 'buckets', 'cloze'];
export const EXERCISE_LEVELS: readonly ExerciseLevel[] = ['A1', 'A2', 'B1', 'B2', 'C1'];
