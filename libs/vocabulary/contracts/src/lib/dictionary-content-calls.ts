import { z } from 'zod';
import { defineRemoteCall } from '@tall/platform/call-contracts';
import { DictionaryTopicContentSchema, DictionaryWordContentSchema } from './dictionary-content';

/*
 * How the admin context writes the dictionary it curates: commands to vocabulary, which owns the
 * dictionary and serves its published version. Vocabulary applies a version once (a repeated or
 * older version changes nothing and answers `applied: false`), marks what it wrote as edited (a
 * seed load never overwrites it), and refreshes its in-memory dictionary at once.
 */

const EntryId = z.string().min(1).max(64);

export const DictionaryEntrySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('topics'), id: EntryId, content: DictionaryTopicContentSchema, archived: z.boolean(), version: z.int().min(0) }),
  z.strictObject({ kind: z.literal('words'), id: EntryId, content: DictionaryWordContentSchema, archived: z.boolean(), version: z.int().min(0) }),
]);
export type DictionaryEntry = z.infer<typeof DictionaryEntrySchema>;

/**
 * Every topic and word of the dictionary with its content, archived ones too (topics first, then
 * words, each in id order): what the admin context adopts as version 1 of items it does not hold
 * yet (the seed). `version` is the last admin version applied (0 for an entry only the seed wrote).
 */
export const ListDictionaryContent = defineRemoteCall({
  name: 'vocabulary.listDictionaryContent',
  module: 'vocabulary',
  description: 'Every dictionary topic and word with its content, archived ones included, for the admin context to curate.',
  input: z.strictObject({}),
  output: z.strictObject({ entries: z.array(DictionaryEntrySchema) }),
});

/**
 * Publish a version of a topic or word: create it, or replace its content. A word's topic must
 * exist (`applied: false, problem: 'TOPIC_NOT_FOUND'`); a topic's slug and a word's (lemma, pos)
 * within its topic must stay unique (`problem: 'DUPLICATE'`). Publishing an archived entry brings
 * it back.
 */
export const PublishDictionaryEntry = defineRemoteCall({
  name: 'vocabulary.publishDictionaryEntry',
  module: 'vocabulary',
  description: 'Create or replace a dictionary topic or word with a published version (idempotent per version).',
  input: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('topics'), id: EntryId, version: z.int().min(1), content: DictionaryTopicContentSchema }),
    z.strictObject({ kind: z.literal('words'), id: EntryId, version: z.int().min(1), content: DictionaryWordContentSchema }),
  ]),
  output: z.strictObject({ applied: z.boolean(), problem: z.enum(['TOPIC_NOT_FOUND', 'DUPLICATE', 'STALE_VERSION']).nullable() }),
});

/**
 * Archive a topic or word: new sessions, topic lists and the reader's lexicon leave it out; cards
 * and sessions that already hold it keep working (answers to it are still checked and counted).
 */
export const ArchiveDictionaryEntry = defineRemoteCall({
  name: 'vocabulary.archiveDictionaryEntry',
  module: 'vocabulary',
  description: 'Archive a dictionary topic or word (idempotent per version); running sessions keep working.',
  input: z.strictObject({ kind: z.enum(['topics', 'words']), id: EntryId, version: z.int().min(1) }),
  output: z.strictObject({ applied: z.boolean(), problem: z.enum(['NOT_FOUND', 'STALE_VERSION']).nullable() }),
});
