import { Schema } from 'mongoose';
import { outboxSchemaFields, type OutboxFields } from '@tall/platform/events';
import { LEARNING_COLLECTIONS } from './collections';
import { VOCABULARY_SCHEMA_OPTIONS } from './schema-options';
import { vocabularyModel } from './vocabulary-connection';

/** The `learning.week.rotated` events of a few consecutive students (see MongoRotationStore). */
export interface LearningWeekEventsDocument extends OutboxFields {
  /** `<week>:<first student's id>`: the same students in the same order (a rerun) insert nothing. */
  _id: string;
  week: string;
  createdAt: Date;
}

const schema = new Schema({ _id: String, week: String, createdAt: Date, ...outboxSchemaFields() }, VOCABULARY_SCHEMA_OPTIONS);
schema.index({ week: 1 }, { name: 'week' });

export const LEARNING_WEEK_EVENTS_MODEL = vocabularyModel<LearningWeekEventsDocument>('LearningWeekEvents', LEARNING_COLLECTIONS.weekEvents, schema);
