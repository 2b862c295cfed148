import { z } from 'zod';
import { defineEvent } from '@tall/platform/event-contracts';

/** Topics the exercises context publishes: ids, types, levels and scores, never what a student answered. */
export const ExerciseTopics = {
  /** Graded attempts: the progress record's exercise results (the topic name of the school's spec). */
  results: 'exercise.results.v1',
} as const;

export const EXERCISE_TYPES = ['order', 'match', 'buckets', 'cloze'] as const;
export const ExerciseTypeSchema = z.enum(EXERCISE_TYPES);
export type ExerciseType = z.infer<typeof ExerciseTypeSchema>;

export const ExerciseLevelSchema = z.enum(['A1', 'A2', 'B1', 'B2', 'C1']);
export type ExerciseLevel = z.infer<typeof ExerciseLevelSchema>;

/** `authored`: written by the school (the seed, later the content admin); `weekly`: generated for one student from their week's words. */
export const ExerciseSourceSchema = z.enum(['authored', 'weekly']);
export type ExerciseSource = z.infer<typeof ExerciseSourceSchema>;

export const ExerciseCompleted = defineEvent({
  type: 'exercise.completed',
  version: 1,
  topic: ExerciseTopics.results,
  description:
    "A student handed in an exercise; the server graded it. Every attempt is an event, keyed by the student. No answer text: a weekly exercise is made of the student's own words and sentences.",
  schema: z.object({
    userId: z.uuid(),
    attemptId: z.uuid(),
    exerciseId: z.string().min(1).max(64),
    type: ExerciseTypeSchema,
    level: ExerciseLevelSchema,
    source: ExerciseSourceSchema,
    /** The Monday (`YYYY-MM-DD`, the school's calendar) of a weekly exercise's week. */
    weekStart: z.iso.date().optional(),
    score: z.int().min(0),
    maxScore: z.int().min(1),
    at: z.iso.datetime(),
  }),
});

export const EXERCISE_EVENT_CONTRACTS = [ExerciseCompleted] as const;
