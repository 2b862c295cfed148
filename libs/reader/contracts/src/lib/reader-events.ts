import { z } from 'zod';
import { defineEvent } from '@tall/platform/event-contracts';

/** Topics the reader context publishes. Ids, levels, counts and scores only: never what a student wrote or imported. */
export const ReaderTopics = {
  /** Words a student saved while reading; vocabulary adds them to the student's learning cards. */
  words: 'reader.words.v1',
  /** Reading and tests: a text opened, read on, finished; a test taken with its score. */
  events: 'reader.events.v1',
  /** The library changed: a text was added, edited or withdrawn (the topic name of the school's spec). */
  content: 'reader.content.v2',
} as const;

const UserId = z.uuid();
const Id = z.string().min(1).max(64);
export const ReaderLevelSchema = z.enum(['A1', 'A2', 'B1', 'B2', 'C1']);
export const TextSourceSchema = z.enum(['library', 'own', 'test']);
export type TextSource = z.infer<typeof TextSourceSchema>;

/**
 * A student saved a word from a text. The reader publishes it; vocabulary consumes it and adds the
 * word to the student's personal dictionary (source `reader`), idempotently by `savedId`.
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

/** What every reading event says about the text: never its title or words when it is the student's own. */
const TextFacts = {
  userId: UserId,
  textId: Id,
  source: TextSourceSchema,
  /** The library's level; null for an own text. */
  level: ReaderLevelSchema.nullable(),
  wordCount: z.int().min(0),
};

export const TextOpened = defineEvent({
  type: 'text.opened',
  version: 1,
  topic: ReaderTopics.events,
  description: 'A student opened a text to read (once per reading session: again only after 30 minutes away).',
  schema: z.object({ ...TextFacts, at: z.iso.datetime() }),
});

export const TextProgressed = defineEvent({
  type: 'text.progressed',
  version: 1,
  topic: ReaderTopics.events,
  description: "A student read on in a text: the position and the text's reading time so far (at most one event per text every five minutes).",
  schema: z.object({
    ...TextFacts,
    paragraph: z.int().min(0),
    paragraphs: z.int().min(1),
    /** Seconds spent reading this text in total, so far. */
    readingSeconds: z.int().min(0),
    at: z.iso.datetime(),
  }),
});

export const TextFinished = defineEvent({
  type: 'text.finished',
  version: 1,
  topic: ReaderTopics.events,
  description: 'A student reached the end of a text (once per text).',
  schema: z.object({ ...TextFacts, readingSeconds: z.int().min(0), at: z.iso.datetime() }),
});

export const TestCompleted = defineEvent({
  type: 'test.completed',
  version: 1,
  topic: ReaderTopics.events,
  description: "A student handed in a comprehension test; the server graded it. Every attempt is an event; the title is the library's, never a student's.",
  schema: z.object({
    userId: UserId,
    attemptId: z.uuid(),
    textId: Id,
    textTitle: z.string().min(1).max(200),
    level: ReaderLevelSchema.nullable(),
    score: z.int().min(0),
    maxScore: z.int().min(1),
    at: z.iso.datetime(),
  }),
});

export const ReaderContentChanged = defineEvent({
  type: 'reader.content.changed',
  version: 1,
  topic: ReaderTopics.content,
  description: 'A library or test text was added, edited or withdrawn; caches of it (atomized texts, summaries) are stale.',
  schema: z.object({
    textId: Id,
    /** The text's version after the change. */
    version: z.int().min(1),
    change: z.enum(['created', 'updated', 'archived']),
    at: z.iso.datetime(),
  }),
});

export const READER_EVENT_CONTRACTS = [ReaderWordSaved, TextOpened, TextProgressed, TextFinished, TestCompleted, ReaderContentChanged] as const;
