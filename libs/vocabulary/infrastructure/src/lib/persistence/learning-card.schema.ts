import { Schema } from 'mongoose';
import { outboxSchemaFields, type OutboxFields } from '@tall/platform/events';
import type { AppliedReview } from '@tall/vocabulary/application';
import type { LearningWordSource } from '@tall/vocabulary/contracts';
import type { FsrsMemory } from '@tall/vocabulary/domain';
import { LEARNING_COLLECTIONS } from './collections';
import { VOCABULARY_SCHEMA_OPTIONS } from './schema-options';
import { vocabularyModel } from './vocabulary-connection';

/** One document per card: the word, its FSRS memory, the last applied reviews, and its outbox. */
export interface LearningCardDocument extends OutboxFields, FsrsMemory {
  _id: string;
  userId: string;
  status: 'active' | 'removed';
  lemma?: string;
  lemmaKey: string;
  article?: 'de' | 'het' | null;
  translation?: string | null;
  note?: string | null;
  context?: string | null;
  source: LearningWordSource;
  wordId: string | null;
  savedId?: string | null;
  textId?: string | null;
  cohortWeek: string;
  addedAt: Date;
  version: number;
  lastReviews?: AppliedReview[];
  removedAt?: Date;
}

const schema = new Schema(
  {
    _id: String,
    userId: String,
    status: String,
    lemma: String,
    lemmaKey: String,
    article: String,
    translation: String,
    note: String,
    context: String,
    source: String,
    wordId: String,
    savedId: String,
    textId: String,
    cohortWeek: String,
    addedAt: Date,
    state: String,
    due: Date,
    stability: Number,
    difficulty: Number,
    elapsedDays: Number,
    scheduledDays: Number,
    learningSteps: Number,
    reps: Number,
    lapses: Number,
    lastReview: Date,
    version: Number,
    /** AppliedReview entries, newest last; their outcome's `dueAt` is an ISO string */
    lastReviews: { type: [Schema.Types.Mixed], default: undefined },
    removedAt: Date,
    ...outboxSchemaFields(),
  },
  VOCABULARY_SCHEMA_OPTIONS,
);
// Removed cards get a unique placeholder key, so a removed word can be added again.
schema.index({ userId: 1, lemmaKey: 1 }, { unique: true, name: 'user_lemma_unique' });
schema.index({ userId: 1, status: 1, cohortWeek: 1, due: 1 }, { name: 'user_due' });
schema.index({ userId: 1, status: 1, addedAt: -1 }, { name: 'user_added' });
schema.index({ status: 1, removedAt: 1 }, { name: 'removed' });

export const LEARNING_CARD_MODEL = vocabularyModel<LearningCardDocument>('LearningCard', LEARNING_COLLECTIONS.cards, schema);
