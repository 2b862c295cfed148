import { Schema } from 'mongoose';
import { outboxSchemaFields, type OutboxFields } from '@tall/platform/events';
import type { TopicProgressRecord } from '@tall/vocabulary/application';
import { THEMATIC_PROGRESS } from './collections';
import { VOCABULARY_SCHEMA_OPTIONS } from './schema-options';
import { vocabularyModel } from './vocabulary-connection';

/** One per (student, topic), `_id` `<userId>:<topicId>`; carries the topic progress events. */
export type ThematicProgressDocument = TopicProgressRecord & OutboxFields & { _id: string; updatedAt: Date };

const schema = new Schema(
  {
    _id: String,
    userId: String,
    topicId: String,
    wordCount: Number,
    seen: Number,
    learning: Number,
    mastered: Number,
    topicMastered: Boolean,
    version: Number,
    updatedAt: Date,
    ...outboxSchemaFields(),
  },
  VOCABULARY_SCHEMA_OPTIONS,
);
schema.index({ userId: 1 }, { name: 'user' });

export const THEMATIC_PROGRESS_MODEL = vocabularyModel<ThematicProgressDocument>('ThematicProgress', THEMATIC_PROGRESS, schema);
