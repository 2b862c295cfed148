import { Schema } from 'mongoose';
import type { DictionaryWord } from '@tall/vocabulary/domain';
import { DICTIONARY_WORDS } from './collections';
import { PROVENANCE_PATHS, type Provenance } from './dictionary-topic.schema';
import { VOCABULARY_SCHEMA_OPTIONS } from './schema-options';
import { vocabularyModel } from './vocabulary-connection';

export type WordDocument = Omit<DictionaryWord, 'id'> & Provenance & { _id: string };

const schema = new Schema(
  {
    _id: String,
    topicId: String,
    order: Number,
    lemma: String,
    pos: String,
    article: String,
    plural: String,
    pluralOnly: Boolean,
    /** VerbDetails or null */
    verb: Schema.Types.Mixed,
    /** By language code */
    translations: Schema.Types.Mixed,
    /** `{ nl, en }` */
    example: Schema.Types.Mixed,
    ...PROVENANCE_PATHS,
  },
  VOCABULARY_SCHEMA_OPTIONS,
);
schema.index({ topicId: 1, order: 1 }, { name: 'topic_order' });

export const DICTIONARY_WORD_MODEL = vocabularyModel<WordDocument>('DictionaryWord', DICTIONARY_WORDS, schema);
