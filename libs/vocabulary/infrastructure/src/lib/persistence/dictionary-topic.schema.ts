import { Schema } from 'mongoose';
import type { DictionaryTopic } from '@tall/vocabulary/domain';
import { DICTIONARY_TOPICS } from './collections';
import { VOCABULARY_SCHEMA_OPTIONS } from './schema-options';
import { vocabularyModel } from './vocabulary-connection';

/** Where a dictionary entry came from; `editedAt` marks an admin's change, which seed loads never overwrite. */
export interface Provenance {
  /** Hash of the seed content this document was last written from; absent for admin-created entries. */
  seedHash?: string;
  editedAt?: Date;
  /** The last admin version applied (publish or archive); absent while only the seed wrote it. */
  adminVersion?: number;
  /** Set while archived: left out of lists, sessions and the reader's lexicon; cards holding it still work. */
  archivedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

export const PROVENANCE_PATHS = { seedHash: String, editedAt: Date, adminVersion: Number, archivedAt: Date, createdAt: Date, updatedAt: Date };

export type TopicDocument = Omit<DictionaryTopic, 'id'> & Provenance & { _id: string };

const schema = new Schema(
  {
    _id: String,
    slug: String,
    /** `{ nl, en }` */
    title: Schema.Types.Mixed,
    level: String,
    order: Number,
    ...PROVENANCE_PATHS,
  },
  VOCABULARY_SCHEMA_OPTIONS,
);
schema.index({ slug: 1 }, { unique: true, name: 'slug_unique' });
schema.index({ level: 1, order: 1 }, { name: 'level_order' });

export const DICTIONARY_TOPIC_MODEL = vocabularyModel<TopicDocument>('DictionaryTopic', DICTIONARY_TOPICS, schema);
