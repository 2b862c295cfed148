import { Schema } from 'mongoose';
import type { ActiveSetRecord } from '@tall/vocabulary/application';
import { LEARNING_COLLECTIONS } from './collections';
import { VOCABULARY_SCHEMA_OPTIONS } from './schema-options';
import { vocabularyModel } from './vocabulary-connection';

/** A student's active set for one week: inserted once per (week, student). */
export interface LearningWeekDocument extends ActiveSetRecord {
  /** `<week>:<userId>`: the unique id makes a second rotation of the week insert nothing. */
  _id: string;
  userId: string;
}

const schema = new Schema(
  {
    _id: String,
    userId: String,
    week: String,
    activeCohorts: { type: [String], default: undefined },
    activeCards: Number,
    newCohortCards: Number,
    rotatedAt: Date,
  },
  VOCABULARY_SCHEMA_OPTIONS,
);
schema.index({ week: 1 }, { name: 'week' });
schema.index({ userId: 1 }, { name: 'user' });

export const LEARNING_WEEK_MODEL = vocabularyModel<LearningWeekDocument>('LearningWeek', LEARNING_COLLECTIONS.weeks, schema);
