import { cohortCycle, VocabularyError } from '@tall/vocabulary/domain';
import { DictionaryMissingError, type DictionaryLookup, type DictionaryLookupWord } from '../dictionary-lookup.port';
import { LearningCardFactory } from '../learning-card-factory';
import type { LearningSettings } from '../learning-settings';
import type { InsertOutcome, LearningCardRecord, LearningStore, StudentRecord } from '../learning-store.port';
import { AddMyWordCommand } from './add-my-word.command';
import { AddMyWordHandler } from './add-my-word.handler';

const settings: LearningSettings = { desiredRetention: 0.9, cohortCycle: cohortCycle([1, 2, 4, 8]), timeZone: 'Europe/Amsterdam' };
const now = new Date('2026-11-29T22:45:00Z'); // Sunday 23:45 in Amsterdam: still week 48

/** The cards of one student in memory; `raceWinner` stands for a concurrent add of the same lemma. */
class FakeStore {
  readonly cards: LearningCardRecord[] = [];
  readonly sizes: Array<[string, number]> = [];
  student: StudentRecord | null = null;
  raceWinner: LearningCardRecord | null = null;

  asPort(): LearningStore {
    return {
      student: async () => this.student,
      findCardByLemmaKey: async (_userId: string, key: string) => this.cards.find((card) => card.lemmaKey === key) ?? null,
      insertCard: async (card: LearningCardRecord): Promise<InsertOutcome> => {
        if (this.raceWinner) {
          this.cards.push(this.raceWinner);
          return 'lemma-exists';
        }
        this.cards.push(card);
        return 'inserted';
      },
      changeCohortSize: async (_userId: string, week: string, delta: number) => void this.sizes.push([week, delta]),
    } as Partial<LearningStore> as LearningStore;
  }
}

function handlerWith(store: FakeStore, dictionary: DictionaryLookup = { findWord: async () => null }) {
  const clock = () => now;
  return new AddMyWordHandler(store.asPort(), dictionary, clock, new LearningCardFactory(settings, clock));
}

const [u1, u2, u3] = ['7b0c6a3e-1d2f-4a5b-8c9d-0e1f2a3b4c5d', '8c1d7b4f-2e3a-4b6c-9dae-1f2a3b4c5d6e', '9d2e8c5a-3f4b-4c7d-8ebf-2a3b4c5d6e7f'];
const huis: DictionaryLookupWord = { wordId: 'w-huis', lemma: 'huis', article: 'het', pos: 'noun', translations: { en: 'house', uk: 'будинок' } };
const refusalOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe('AddMyWordHandler', () => {
  it("adds an own word to this week's cohort, normalised, and counts it in the cohort", async () => {
    const store = new FakeStore();
    const word = await handlerWith(store).execute(new AddMyWordCommand(u1, { lemma: '  Fiets ', translation: 'bike  (en)' }));
    expect(word).toMatchObject({ lemma: 'Fiets', translation: 'bike (en)', source: 'own', cohortWeek: '2026-W48', state: 'new' });
    expect(store.cards[0].lemmaKey).toBe('fiets');
    expect(store.sizes).toEqual([['2026-W48', 1]]);
  });

  it('takes a dictionary word in the language asked for, else English', async () => {
    const store = new FakeStore();
    const dictionary = { findWord: async (wordId: string) => (wordId === huis.wordId ? huis : null) };
    expect(await handlerWith(store, dictionary).execute(new AddMyWordCommand(u1, { wordId: 'w-huis', language: 'uk' }))).toMatchObject({
      lemma: 'huis',
      article: 'het',
      translation: 'будинок',
      source: 'dictionary',
      wordId: 'w-huis',
    });
    const other = new FakeStore();
    expect(await handlerWith(other, dictionary).execute(new AddMyWordCommand(u2, { wordId: 'w-huis', language: 'ar' }))).toMatchObject({ translation: 'house' });
    expect(await refusalOf(handlerWith(new FakeStore(), dictionary).execute(new AddMyWordCommand(u3, { wordId: 'w-none' })))).toMatchObject({
      code: 'DICTIONARY_WORD_NOT_FOUND',
    });
  });

  it('names the card that already has the lemma, also when a concurrent add won', async () => {
    const store = new FakeStore();
    const first = await handlerWith(store).execute(new AddMyWordCommand(u1, { lemma: 'huis', translation: 'house' }));
    const again = await refusalOf(handlerWith(store).execute(new AddMyWordCommand(u1, { lemma: 'HUIS', translation: 'home' })));
    expect(again).toBeInstanceOf(VocabularyError);
    expect(again).toMatchObject({ code: 'LEARNING_WORD_EXISTS', details: { userWordId: first.id } });

    const racing = new FakeStore();
    racing.raceWinner = { ...store.cards[0], id: 'winner' };
    expect(await refusalOf(handlerWith(racing).execute(new AddMyWordCommand(u1, { lemma: 'huis', translation: 'house' })))).toMatchObject({
      code: 'LEARNING_WORD_EXISTS',
      details: { userWordId: 'winner' },
    });
    expect(racing.sizes).toEqual([]);
  });

  it('refuses an erased account, and answers a dictionary missing from the build as an unavailable dependency', async () => {
    const erased = new FakeStore();
    erased.student = { userId: u1, cohorts: {}, erased: true };
    expect(await refusalOf(handlerWith(erased).execute(new AddMyWordCommand(u1, { lemma: 'huis', translation: 'house' })))).toMatchObject({
      code: 'LEARNING_ACCOUNT_ERASED',
    });
    const missing = {
      findWord: async (): Promise<DictionaryLookupWord | null> => {
        throw new DictionaryMissingError();
      },
    };
    expect(await refusalOf(handlerWith(new FakeStore(), missing).execute(new AddMyWordCommand(u1, { wordId: 'w-huis' })))).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      details: { dependency: 'dictionary' },
    });
  });
});
