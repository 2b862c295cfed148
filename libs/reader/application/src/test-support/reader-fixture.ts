import type { TestQuestion } from '@tall/reader/domain';
import type { LexiconWord, UserWord } from '@tall/vocabulary/contracts';
import type { StoredText } from '../lib/ports/text-stores.port';
import { ReadableTexts } from '../lib/reading/readable-texts';
import { TextViews } from '../lib/reading/text-views';
import { lexiconWord, MemoryLexiconSource } from './memory-lexicon-source';
import { FakeTextFileReader, MemoryLibraryStore, MemoryOwnTextStore, MemoryReadingStore, TestClock } from './memory-reader-stores';

/** Students: the events' schemas want UUIDs. */
export const ANNA = '0b6f1c7e-5a2d-4e8f-9b3c-1d2e3f4a5b6c';
export const BORIS = '1c7a2d8f-6b3e-4f9a-8c4d-2e3f4a5b6c7d';

/** A handful of dictionary words: a noun with a plural, a regular verb, adjectives, one word without a Ukrainian translation. */
export const HUIS = lexiconWord({ id: 'w-huis', lemma: 'huis', pos: 'noun', article: 'het', plural: 'huizen', translations: { en: 'house', uk: 'будинок' } });
export const MAN = lexiconWord({ id: 'w-man', lemma: 'man', pos: 'noun', article: 'de', plural: 'mannen', translations: { en: 'man' } });
export const FIETSEN = lexiconWord({
  id: 'w-fietsen',
  lemma: 'fietsen',
  pos: 'verb',
  verb: { irregular: false, presentThirdSingular: 'fietst', pastSingular: 'fietste', pastPlural: 'fietsten', participle: 'gefietst', separablePrefix: null },
  translations: { en: 'to cycle', uk: 'їздити на велосипеді' },
});
export const WERK = lexiconWord({ id: 'w-werk', lemma: 'werk', pos: 'noun', level: 'A2', article: 'het', translations: { en: 'work' } });
export const GROOT = lexiconWord({ id: 'w-groot', lemma: 'groot', pos: 'adjective', translations: { en: 'big', uk: 'великий' } });
export const BLIJ = lexiconWord({ id: 'w-blij', lemma: 'blij', pos: 'adjective', level: 'A2', translations: { en: 'happy' } });
export const DICTIONARY: readonly LexiconWord[] = [HUIS, MAN, FIETSEN, WERK, GROOT, BLIJ];

/** Three paragraphs, the second of two sentences; "buurman" is no dictionary word. */
export const STORY = 'De man woont in een groot huis.\n\nHij fietst elke dag naar zijn werk. De huizen in de straat zijn oud.\n\nDe buurman is blij.';

export const QUESTIONS: TestQuestion[] = [
  { id: 'q1', type: 'multipleChoice', prompt: 'Waar woont de man?', options: ['In een huis', 'In een boot', 'In een tent'], answer: 0 },
  { id: 'q2', type: 'trueFalse', statement: 'De man gaat met de bus.', answer: false },
  { id: 'q3', type: 'shortAnswer', prompt: 'Hoe voelt de buurman zich?', answers: ['blij', 'vrolijk'] },
  { id: 'q4', type: 'order', prompt: 'Zet in de goede volgorde.', items: ['Hij woont in een huis.', 'Hij fietst naar zijn werk.', 'De buurman is blij.'] },
];

const CREATED = new Date('2026-03-02T08:00:00Z');

/** A published library text; override what the test is about. */
export function libraryText(fields: Partial<StoredText> & Pick<StoredText, 'id'>): StoredText {
  return {
    title: `Tekst ${fields.id}`,
    level: 'A1',
    topic: 'wonen',
    source: 'library',
    credit: 'Written for Tall',
    version: 1,
    sections: [{ title: null, body: STORY }],
    test: null,
    ownerId: null,
    wordCount: 0,
    createdAt: CREATED,
    ...fields,
  };
}

/** A text a student imported. */
export function ownText(ownerId: string, fields: Partial<StoredText> & Pick<StoredText, 'id'>): StoredText {
  return libraryText({ title: `Mijn tekst ${fields.id}`, level: null, topic: null, source: 'own', credit: null, ownerId, ...fields });
}

/** Anna's learning cards: the dictionary's "huis", and "buurman", a word of her own. */
export const ANNA_CARDS: UserWord[] = [
  { userWordId: 'uw-huis', lemma: 'huis', article: 'het', translation: 'home (my note)', wordId: HUIS.id },
  { userWordId: 'uw-buurman', lemma: 'buurman', article: 'de', translation: 'neighbour', wordId: null },
];

/** Everything a reader handler needs, in memory, wired as the module wires it. */
export function readerFixture(now = new Date('2026-03-10T09:00:00Z')) {
  const library = new MemoryLibraryStore();
  const own = new MemoryOwnTextStore();
  const reading = new MemoryReadingStore();
  const lexicons = new MemoryLexiconSource(DICTIONARY);
  const files = new FakeTextFileReader();
  const clock = new TestClock(now);
  const texts = new ReadableTexts(library, own);
  const views = new TextViews(lexicons);
  return { library, own, reading, lexicons, files, clock, texts, views };
}

export type ReaderFixture = ReturnType<typeof readerFixture>;

/** What a promise was refused with (null when it was not). */
export const refusalOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );
