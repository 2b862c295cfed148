import { RpcClient } from '@tall/platform/rpc';
import { GetLevelWords, GetPracticeCards } from '@tall/vocabulary/contracts';
import { seedWordId } from '@tall/vocabulary/domain';
import { startVocabularyApp, student, type VocabularyTestApp } from '../test-support/vocabulary-test-app';

const tafel = seedWordId('kitchen', 'tafel', 'noun');

/** The two calls exercises makes for its weekly sets, through the real RpcClient and registry of a Nest app on MongoDB. */
describe('the exercises’ calls: vocabulary.getPracticeCards and vocabulary.getLevelWords (Nest app on MongoDB)', () => {
  let vocab: VocabularyTestApp;
  let rpc: RpcClient;

  beforeAll(async () => {
    vocab = await startVocabularyApp();
    rpc = vocab.app.get(RpcClient);
  });

  afterAll(async () => {
    await vocab?.close();
  });

  const practiceCards = (userId: string, limit?: number) => rpc.call(GetPracticeCards, { userId, ...(limit ? { limit } : {}) }, { principal: null, caller: 'exercises' });

  async function addWord(who: ReturnType<typeof student>, word: object): Promise<string> {
    const added = await vocab.request('POST', '/my-words', who, word);
    expect(added.status).toBe(201);
    return added.body.id as string;
  }

  it("gives a student's cards newest first with when they were added, not removed ones, not other students', as far as the limit", async () => {
    const me = student();
    const fiets = await addWord(me, { lemma: 'fiets', translation: 'bicycle', article: 'de' });
    const fromDictionary = await addWord(me, { wordId: tafel });
    const removed = await addWord(me, { lemma: 'kast', translation: 'cupboard' });
    expect((await vocab.request('DELETE', `/my-words/${removed}`, me)).status).toBe(204);
    await addWord(student(), { lemma: 'stoel', translation: 'chair' });

    const { cards } = await practiceCards(me.userId);
    expect(cards.map((card) => card.userWordId).sort()).toEqual([fiets, fromDictionary].sort());
    expect(cards).toContainEqual({ userWordId: fiets, lemma: 'fiets', article: 'de', translation: 'bicycle', context: null, wordId: null, addedAt: expect.any(String) });
    expect(cards).toContainEqual(expect.objectContaining({ userWordId: fromDictionary, lemma: 'tafel', wordId: tafel }));
    expect(Date.parse(cards[0].addedAt)).toBeGreaterThanOrEqual(Date.parse(cards[1].addedAt));
    expect((await practiceCards(me.userId, 1)).cards).toHaveLength(1);
    expect(await practiceCards(student().userId)).toEqual({ cards: [] });
  });

  it('gives the words of a level with their article, example and translation', async () => {
    const { words } = await rpc.call(GetLevelWords, { level: 'A1' }, { principal: null, caller: 'exercises' });
    expect(words.length).toBeGreaterThan(3);
    expect(words.every((word) => word.level === 'A1')).toBe(true);
    expect(words).toContainEqual({ wordId: tafel, lemma: 'tafel', article: 'de', translation: 'table', example: 'De tafel staat in de keuken.', level: 'A1' });
    expect((await rpc.call(GetLevelWords, { level: 'A1', language: 'ru' }, { principal: null })).words.find((word) => word.wordId === tafel)?.translation).toBe('стол');
    expect((await rpc.call(GetLevelWords, { level: 'B2' }, { principal: null })).words).toEqual([]);
  });

  it('refuses a malformed user id as a bad request', async () => {
    await expect(practiceCards('not a user id')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
