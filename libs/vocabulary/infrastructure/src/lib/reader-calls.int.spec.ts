import { RpcClient } from '@tall/platform/rpc';
import { GetReaderLexicon, GetUserWords } from '@tall/vocabulary/contracts';
import { seedWordId } from '@tall/vocabulary/domain';
import { startVocabularyApp, student, type VocabularyTestApp } from '../test-support/vocabulary-test-app';
import { CachedDictionaryStore } from './dictionary/cached-dictionary.store';
import { DICTIONARY_WORDS } from './persistence/collections';

const tafel = seedWordId('kitchen', 'tafel', 'noun');
const opbellen = seedWordId('kitchen', 'opbellen', 'verb');

/** The two calls the reader makes, through the real RpcClient and registry of a Nest app on MongoDB. */
describe('the reader’s calls: vocabulary.getReaderLexicon and vocabulary.getUserWords (Nest app on MongoDB)', () => {
  let vocab: VocabularyTestApp;
  let rpc: RpcClient;

  beforeAll(async () => {
    vocab = await startVocabularyApp();
    rpc = vocab.app.get(RpcClient);
  });

  afterAll(async () => {
    await vocab?.close();
  });

  const lexicon = (knownVersion?: string) => rpc.call(GetReaderLexicon, knownVersion === undefined ? {} : { knownVersion }, { principal: null, caller: 'reader' });
  const userWords = (userId: string) => rpc.call(GetUserWords, { userId }, { principal: { userId, role: 'STUDENT' }, caller: 'reader' });

  async function addWord(who: ReturnType<typeof student>, word: object): Promise<string> {
    const added = await vocab.request('POST', '/my-words', who, word);
    expect(added.status).toBe(201);
    return added.body.id as string;
  }

  it('gives the whole dictionary with forms and topic levels, and nothing again while the version holds', async () => {
    const first = await lexicon();
    expect(first.version).toMatch(/^[0-9a-f]{16}$/);
    expect(first.words?.find((word) => word.id === opbellen)).toEqual({
      id: opbellen,
      lemma: 'opbellen',
      pos: 'verb',
      level: 'A1',
      topicSlug: 'kitchen',
      article: null,
      plural: null,
      verb: { irregular: false, presentThirdSingular: 'belt op', pastSingular: 'belde op', pastPlural: 'belden op', participle: 'opgebeld', separablePrefix: 'op' },
      translations: { en: 'to call (on the phone)', ru: 'звонить (по телефону)' },
    });
    expect(first.words?.find((word) => word.id === tafel)).toMatchObject({ article: 'de', plural: 'tafels', translations: { en: 'table', ru: 'стол', uk: 'стіл' } });
    expect(first.words?.length).toBe(await vocab.db.collection(DICTIONARY_WORDS).countDocuments());

    expect(await lexicon(first.version)).toEqual({ version: first.version, words: null });
    expect((await lexicon('an-older-version')).words).toHaveLength(first.words?.length ?? -1);
  });

  it('moves the version when a word changes', async () => {
    const before = await lexicon();
    await vocab.db.collection<{ _id: string }>(DICTIONARY_WORDS).updateOne({ _id: tafel }, { $set: { 'translations.tr': 'masa' } });
    vocab.app.get(CachedDictionaryStore).invalidate();
    const after = await lexicon(before.version);
    expect(after.version).not.toBe(before.version);
    expect(after.words?.find((word) => word.id === tafel)?.translations).toEqual({ en: 'table', ru: 'стол', tr: 'masa', uk: 'стіл' });
  });

  it("gives a student's own and dictionary words, not removed ones, not other students'", async () => {
    const me = student();
    const other = student();
    const fiets = await addWord(me, { lemma: 'fiets', translation: 'bicycle', article: 'de' });
    const fromDictionary = await addWord(me, { wordId: tafel });
    const removed = await addWord(me, { lemma: 'kast', translation: 'cupboard' });
    expect((await vocab.request('DELETE', `/my-words/${removed}`, me)).status).toBe(204);
    await addWord(other, { lemma: 'stoel', translation: 'chair' });

    const { words } = await userWords(me.userId);
    expect(words).toHaveLength(2);
    expect(words).toEqual(
      expect.arrayContaining([
        { userWordId: fiets, lemma: 'fiets', article: 'de', translation: 'bicycle', wordId: null },
        { userWordId: fromDictionary, lemma: 'tafel', article: 'de', translation: 'table', wordId: tafel },
      ]),
    );
    expect(await userWords(student().userId)).toEqual({ words: [] });
  });

  it('refuses a malformed user id as a bad request', async () => {
    await expect(userWords('not a user id')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
