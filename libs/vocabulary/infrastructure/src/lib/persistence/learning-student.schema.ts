import { Schema } from 'mongoose';
import { LEARNING_COLLECTIONS } from './collections';
import { VOCABULARY_SCHEMA_OPTIONS } from './schema-options';
import { vocabularyModel } from './vocabulary-connection';

/** Per student (`_id` the user id): cohort sizes, the projection of the cards the weekly rotation reads. */
export interface LearningStudentDocument {
  _id: string;
  cohorts?: Record<string, number>;
  /** Bumped by every change of `cohorts`, so a reconciliation never overwrites a newer change. */
  rev?: number;
  changedAt?: Date;
  createdAt?: Date;
  reconciledAt?: Date;
  erased?: boolean;
  erasedAt?: Date;
}

const schema = new Schema(
  {
    _id: String,
    /** Cards per cohort week, changed a week at a time (`$inc` of `cohorts.<week>`) */
    cohorts: Schema.Types.Mixed,
    rev: Number,
    changedAt: Date,
    createdAt: Date,
    reconciledAt: Date,
    erased: Boolean,
    erasedAt: Date,
  },
  VOCABULARY_SCHEMA_OPTIONS,
);
schema.index({ changedAt: 1 }, { name: 'changed' });

export const LEARNING_STUDENT_MODEL = vocabularyModel<LearningStudentDocument>('LearningStudent', LEARNING_COLLECTIONS.students, schema);
