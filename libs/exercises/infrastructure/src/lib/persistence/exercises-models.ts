import { Schema } from 'mongoose';
import { outboxSchemaFields, type OutboxFields } from '@tall/platform/events';
import { exercisesModel } from './exercises-connection';

const Mixed = Schema.Types.Mixed;

/**
 * An authored exercise (`_id`: its slug) with its answers. Seeded exercises keep the seed's hash;
 * an admin's edit sets `editedAt`, and the seed never overwrites it. Type, level and status stand
 * beside the content for the admin's queries to come.
 */
export interface AuthoredExerciseDocument {
  _id: string;
  type: string;
  level: string;
  topic: string | null;
  title: string;
  /** The whole exercise as the domain reads it (ExerciseSchema), answers included. */
  exercise: unknown;
  status: 'published' | 'archived';
  version: number;
  seedHash: string | null;
  editedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const AUTHORED_EXERCISE_MODEL = exercisesModel<AuthoredExerciseDocument>('AuthoredExercise', 'exercises', {
  _id: String,
  type: String,
  level: String,
  topic: String,
  title: String,
  exercise: Mixed,
  status: String,
  version: Number,
  seedHash: String,
  editedAt: Date,
  createdAt: Date,
  updatedAt: Date,
});

/** An attempt as the student's document keeps it. */
export interface StoredAttempt {
  id: string;
  exerciseId: string;
  source: string;
  weekStart: string | null;
  type: string;
  level: string;
  answers: unknown[];
  results: unknown[];
  score: number;
  maxScore: number;
  at: Date;
}

/**
 * One student's exercises (`_id`: the user id): every attempt, the latest result per exercise
 * (field names are exercise ids: slugs and weekly ids, letters, digits and hyphens only), and the
 * `exercise.completed` events in the same document.
 */
export interface StudentExercisesDocument extends OutboxFields {
  _id: string;
  attempts: StoredAttempt[];
  last: Record<string, { score: number; maxScore: number; level: string; at: Date }>;
  updatedAt: Date;
}

export const STUDENT_EXERCISES_MODEL = exercisesModel<StudentExercisesDocument>('StudentExercises', 'exercise_students', {
  _id: String,
  attempts: Mixed,
  last: Mixed,
  updatedAt: Date,
  ...outboxSchemaFields(),
});

/** A student's set of one week (`_id`: `<userId>:<week>`), answers and the student's sentences included. */
export interface WeeklySetDocument {
  _id: string;
  userId: string;
  week: string;
  weekStart: string;
  level: string;
  basis: string;
  exercises: unknown[];
  createdAt: Date;
}

export const WEEKLY_SET_MODEL = exercisesModel<WeeklySetDocument>('WeeklyExerciseSet', 'exercise_weekly_sets', {
  _id: String,
  userId: String,
  week: String,
  weekStart: String,
  level: String,
  basis: String,
  exercises: Mixed,
  createdAt: Date,
});

export const EXERCISES_MODELS = [AUTHORED_EXERCISE_MODEL, STUDENT_EXERCISES_MODEL, WEEKLY_SET_MODEL] as const;
/** Collections whose documents carry outboxes. */
export const EXERCISES_OUTBOX_COLLECTIONS = [STUDENT_EXERCISES_MODEL.collection] as const;
