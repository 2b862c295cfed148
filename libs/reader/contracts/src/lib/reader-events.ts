import { z } from 'zod';
import { defineEvent } from '@tall/platform/event-contracts';

export const ReaderTopics = {
  /** Words a student saved while reading; vocabulary adds them to the student's learning cards. */
  words: 'reader.words.v1',
} as const;

/**
 * A student saved a word from a text. The reader context (a later issue) publishes it; the
 * vocabulary context consumes it today and adds the word to the student's personal dictionary
 * (source `reader`), idempotently by `savedId`.
 */
export const ReaderWordSaved = defineEvent({
  type: 'reader.word.saved',
  version: 1,
  topic: ReaderTopics.words,
  description: 'A student saved a word while reading a text, to learn it with learning cards.',
  schema: z.object({
    userId: z.uuid(),
    savedId: z.string().min(1).max(64),
    lemma: z.string().trim().min(1).max(80),
    translation: z.string().trim().min(1).max(200).nullable(),
    article: z.enum(['de', 'het']).nullable(),
    /** The sentence of the text the word was met in. */
    context: z.string().max(500).nullable(),
    textId: z.string().min(1).max(64),
    /** The dictionary word, when the reader matched one. */
    wordId: z.string().min(1).max(64).nullable(),
    at: z.iso.datetime(),
  }),
});

export const READER_EVENT_CONTRACTS = [ReaderWordSaved] as const;
