import { Schema } from 'mongoose';
import { outboxSchemaFields, type OutboxFields } from '@tall/platform/events';
import type { ThematicCardRecord } from '@tall/vocabulary/application';
import { THEMATIC_CARDS } from './collections';
import { VOCABULARY_SCHEMA_OPTIONS } from './schema-options';
import { vocabularyModel } from './vocabulary-connection';

/** One per (student, word), `_id` `<userId>:<wordId>`; carries the `thematic.card.reviewed` events. */
export type ThematicCardDocument = ThematicCardRecord & OutboxFields & { _id: string; updatedAt: Date };

const schema = new Schema(
  {
    _id: String,
    userId: String,
    wordId: String,
    topicId: String,
    box: Number,
    dueAt: Date,
    lastAnsweredAt: Date,
    reviews: Number,
    correctReviews: Number,
    /** RecentReview entries, newest last */
    recent: { type: [Schema.Types.Mixed], default: undefined },
    version: Number,
    updatedAt: Date,
    ...outboxSchemaFields(),
  },
  VOCABULARY_SCHEMA_OPTIONS,
);
schema.index({ userId: 1, topicId: 1 }, { name: 'user_topic' });

export const THEMATIC_CARD_MODEL = vocabularyModel<ThematicCardDocument>('ThematicCard', THEMATIC_CARDS, schema);
