import { Schema } from 'mongoose';
import { DICTIONARY_SEED_LOADS } from './collections';
import { VOCABULARY_SCHEMA_OPTIONS } from './schema-options';
import { vocabularyModel } from './vocabulary-connection';

/** The one document (`_id: 'seed'`) recording every seed hash loaded. */
export interface SeedLoadDocument {
  _id: 'seed';
  hash: string;
  loadedAt: Date;
  history: Array<{ hash: string; loadedAt: Date }>;
}

const schema = new Schema(
  {
    _id: String,
    hash: String,
    loadedAt: Date,
    /** `{ hash, loadedAt }` entries, oldest first */
    history: { type: [Schema.Types.Mixed], default: undefined },
  },
  VOCABULARY_SCHEMA_OPTIONS,
);

export const DICTIONARY_SEED_LOAD_MODEL = vocabularyModel<SeedLoadDocument>('DictionarySeedLoad', DICTIONARY_SEED_LOADS, schema);
