import { Schema } from 'mongoose';
import { outboxSchemaFields, type OutboxFields } from '@tall/platform/events';
import type { RotationStatus } from '@tall/vocabulary/application';
import { LEARNING_COLLECTIONS } from './collections';
import { VOCABULARY_SCHEMA_OPTIONS } from './schema-options';
import { vocabularyModel } from './vocabulary-connection';

/** One per ISO week (`_id`): the rotation's request, lease, totals and completion event. */
export interface LearningRotationDocument extends OutboxFields {
  _id: string;
  status: RotationStatus;
  trigger: string;
  requestedAt: Date;
  correlationId: string;
  causationId: string | null;
  holder: string | null;
  leaseUntil: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  students: number;
  cards: number;
}

const schema = new Schema(
  {
    _id: String,
    status: String,
    trigger: String,
    requestedAt: Date,
    correlationId: String,
    causationId: String,
    holder: String,
    leaseUntil: Date,
    startedAt: Date,
    completedAt: Date,
    students: Number,
    cards: Number,
    ...outboxSchemaFields(),
  },
  VOCABULARY_SCHEMA_OPTIONS,
);
schema.index({ status: 1 }, { name: 'status' });

export const LEARNING_ROTATION_MODEL = vocabularyModel<LearningRotationDocument>('LearningRotation', LEARNING_COLLECTIONS.rotations, schema);
