import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Model } from 'mongoose';
import { ContentUpdated } from '@tall/admin/contracts';
import { createEvent } from '@tall/platform/event-contracts';
import { LocalEventBus } from '@tall/platform/events';
import type { Principal } from '@tall/platform/identity';
import { RpcClient } from '@tall/platform/rpc';
import {
  ArchiveDictionaryEntry,
  GetLevelWords,
  GetReaderLexicon,
  ListDictionaryContent,
  PublishDictionaryEntry,
  type DictionaryTopicContent,
  type DictionaryWordContent,
} from '@tall/vocabulary/contracts';
import { seedTopicId, seedWordId } from '@tall/vocabulary/domain';
import { FIXTURE_SEED_DIRECTORY, startVocabularyApp, student, type VocabularyTestApp } from '../test-support/vocabulary-test-app';
import { SEED_TOPICS_DIRECTORY, SeedLoader } from './dictionary/seed-loader';
import { DICTIONARY_SEED_LOAD_MODEL, type SeedLoadDocument } from './persistence/dictionary-seed-load.schema';
import { DICTIONARY_TOPIC_MODEL, type TopicDocument } from './persistence/dictionary-topic.schema';
import { DICTIONARY_WORD_MODEL, type WordDocument } from './persistence/dictionary-word.schema';
import { DICTIONARY_TOPICS, DICTIONARY_WORDS, THEMATIC_CARDS } from './persistence/collections';

jest.setTimeout(120_000);

const kitchen = seedTopicId('kitchen');
const school = seedTopicId('school');
const tafel = seedWordId('kitchen', 'tafel', 'noun');
const mes = seedWordId('kitchen', 'mes', 'noun');
const koken = seedWordId('kitchen', 'koken', 'verb');

const topicContent = (slug: string, fields: Partial<DictionaryTopicContent> = {}): DictionaryTopicContent => ({ slug, title: { nl: 'De tuin', en: 'The garden' }, level: 'A2', order: 7, ...fields });
const nounContent = (topicId: string, lemma: string, fields: Partial<DictionaryWordContent> = {}) =>
  ({
    topicId,
    lemma,
    pos: 'noun',
    article: 'de',
    plural: `${lemma}en`,
    translations: { en: 'spade', ru: 'лопата' },
    example: { nl: `De ${lemma} staat in de schuur.`, en: 'The spade is in the shed.' },
    ...fields,
  }) as DictionaryWordContent;

/** Vocabulary's side of content admin: the three calls through the real RpcClient, on MongoDB, with the thematic routes. */
describe('the dictionary content calls: list, publish, archive (Nest app on MongoDB)', () => {
  let vocab: VocabularyTestApp;
  let rpc: RpcClient;
  const admin = { caller: 'admin', principal: null } as const;

  beforeAll(async () => {
    vocab = await startVocabularyApp();
    rpc = vocab.app.get(RpcClient);
  });

  afterAll(async () => {
    await vocab?.close();
  });

  const list = async () => (await rpc.call(ListDictionaryContent, {}, admin)).entries;
  const publishTopic = (id: string, version: number, content: DictionaryTopicContent) => rpc.call(PublishDictionaryEntry, { kind: 'topics', id, version, content }, admin);
  const publishWord = (id: string, version: number, content: DictionaryWordContent) => rpc.call(PublishDictionaryEntry, { kind: 'words', id, version, content }, admin);
  const archive = (kind: 'topics' | 'words', id: string, version: number) => rpc.call(ArchiveDictionaryEntry, { kind, id, version }, admin);
  const lexiconIds = async () => new Set((await rpc.call(GetReaderLexicon, {}, admin)).words?.map((word) => word.id));
  const levelWordIds = async (level: 'A1' | 'A2') => (await rpc.call(GetLevelWords, { level }, admin)).words.map((word) => word.wordId);
  const topicIds = async (who: Principal) => (await vocab.request('GET', '/topics', who)).body.map((topic: { id: string }) => topic.id);
  const wordIdsOf = async (who: Principal, topicId: string) => (await vocab.request('GET', `/topics/${topicId}/words`, who)).body.map((word: { id: string }) => word.id);
  const session = async (who: Principal, topicId: string, mode = 'recall') => vocab.request('GET', `/topics/${topicId}/session?mode=${mode}&size=20`, who);
  const review = (who: Principal, wordId: string, mode: string, answer: unknown) =>
    vocab.request('POST', '/thematic/reviews', who, { reviewId: randomUUID(), wordId, mode, answer, answeredAt: vocab.clock.now.toISOString(), durationMs: 1200 });
  const stored = (collection: string, id: string) => vocab.db.collection<{ _id: string }>(collection).findOne({ _id: id });

  it('lists the seed as version 0 in the content shape, and rejects nothing the contract would', async () => {
    const entries = await list();
    expect(entries.filter((entry) => entry.kind === 'topics').map((entry) => entry.id)).toEqual([kitchen, school].sort());
    expect(entries.find((entry) => entry.id === tafel)).toEqual({
      kind: 'words',
      id: tafel,
      content: { topicId: kitchen, lemma: 'tafel', pos: 'noun', article: 'de', plural: 'tafels', translations: { en: 'table', ru: 'стол', uk: 'стіл' }, example: { nl: 'De tafel staat in de keuken.', en: 'The table is in the kitchen.' } },
      archived: false,
      version: 0,
    });
    expect(entries.every((entry) => entry.version === 0 && !entry.archived)).toBe(true);
  });

  it('creates a topic and a word under the admin’s ids, served at once to every list, and applies each version once', async () => {
    const me = student();
    const garden = randomUUID();
    const spade = randomUUID();
    expect(await publishTopic(garden, 1, topicContent('garden'))).toEqual({ applied: true, problem: null });
    expect(await publishWord(spade, 1, nounContent(garden, 'schop'))).toEqual({ applied: true, problem: null });

    expect(await topicIds(me)).toContain(garden);
    expect(await wordIdsOf(me, garden)).toEqual([spade]);
    expect(await lexiconIds()).toContain(spade);
    expect(await levelWordIds('A2')).toContain(spade);
    expect((await session(me, garden)).body.cards.map((card: { wordId: string }) => card.wordId)).toEqual([spade]);
    expect((await review(me, spade, 'recall', 'de schop')).body).toMatchObject({ correct: true });

    // A second word goes to the end of the topic.
    const hark = randomUUID();
    await publishWord(hark, 1, nounContent(garden, 'hark'));
    expect(await wordIdsOf(me, garden)).toEqual([spade, hark]);
    expect(await stored(DICTIONARY_WORDS, hark)).toMatchObject({ order: 2, adminVersion: 1, editedAt: expect.any(Date) });
    expect(await stored(DICTIONARY_WORDS, hark)).not.toHaveProperty('seedHash');

    expect(await publishWord(spade, 1, nounContent(garden, 'schop', { plural: 'schoppen' }))).toEqual({ applied: false, problem: null });
    expect(await publishWord(spade, 3, nounContent(garden, 'schop', { plural: 'schoppen' }))).toEqual({ applied: true, problem: null });
    expect(await publishWord(spade, 2, nounContent(garden, 'schop', { plural: 'schops' }))).toEqual({ applied: false, problem: 'STALE_VERSION' });
    expect(await stored(DICTIONARY_WORDS, spade)).toMatchObject({ plural: 'schoppen', adminVersion: 3, order: 1 });
    expect((await list()).find((entry) => entry.id === spade)).toMatchObject({ version: 3, archived: false, content: { plural: 'schoppen' } });
  });

  it('refuses a word of an unknown topic, a slug another topic has, and a lemma the topic already has', async () => {
    expect(await publishWord(randomUUID(), 1, nounContent(randomUUID(), 'schep'))).toEqual({ applied: false, problem: 'TOPIC_NOT_FOUND' });
    expect(await publishTopic(randomUUID(), 1, topicContent('kitchen'))).toEqual({ applied: false, problem: 'DUPLICATE' });
    expect(await publishTopic(school, 1, topicContent('kitchen'))).toEqual({ applied: false, problem: 'DUPLICATE' });
    expect(await publishWord(randomUUID(), 1, nounContent(kitchen, 'Tafel'))).toEqual({ applied: false, problem: 'DUPLICATE' });
    expect(await publishWord(mes, 1, nounContent(kitchen, 'tafel'))).toEqual({ applied: false, problem: 'DUPLICATE' });
    expect(await archive('words', randomUUID(), 1)).toEqual({ applied: false, problem: 'NOT_FOUND' });
  });

  it('never moves an entry backwards under concurrent publications of several versions', async () => {
    const id = randomUUID();
    await publishTopic(id, 1, topicContent('orchard'));
    const versions = [2, 3, 4, 5, 6, 7, 8, 9];
    const results = await Promise.all(versions.map((version) => publishTopic(id, version, topicContent('orchard', { order: version }))));
    expect(results.every((result) => result.problem === null || result.problem === 'STALE_VERSION')).toBe(true);
    expect(await stored(DICTIONARY_TOPICS, id)).toMatchObject({ adminVersion: 9, order: 9 });
  });

  it('checks the answer of a card a session holds against the word’s content as edited since', async () => {
    const me = student();
    const cards = (await session(me, kitchen)).body.cards.map((card: { wordId: string }) => card.wordId);
    expect(cards).toContain(tafel);
    expect(await publishWord(tafel, 1, nounContent(kitchen, 'eettafel', { plural: 'eettafels', translations: { en: 'dining table', ru: 'обеденный стол' } }))).toEqual({
      applied: true,
      problem: null,
    });
    expect((await review(me, tafel, 'recall', 'tafel')).body).toMatchObject({ correct: false, expected: 'de eettafel' });
    expect((await review(me, tafel, 'recall', 'de eettafel')).body).toMatchObject({ correct: true });
    // The seed word keeps its id and its place.
    expect((await wordIdsOf(me, kitchen))[0]).toBe(tafel);
  });

  it('archives a word and then its topic out of every list and new session, while held cards are still answered and counted', async () => {
    const me = student();
    const held = (await session(me, kitchen)).body.cards.map((card: { wordId: string }) => card.wordId);
    expect(held).toEqual(expect.arrayContaining([mes, koken]));

    expect(await archive('words', mes, 2)).toEqual({ applied: true, problem: null });
    expect(await archive('words', mes, 2)).toEqual({ applied: false, problem: null });
    expect(await archive('words', mes, 1)).toEqual({ applied: false, problem: 'STALE_VERSION' });
    expect(await wordIdsOf(me, kitchen)).not.toContain(mes);
    expect((await session(student(), kitchen)).body.cards.map((card: { wordId: string }) => card.wordId)).not.toContain(mes);
    expect(await lexiconIds()).not.toContain(mes);
    expect(await levelWordIds('A1')).not.toContain(mes);
    expect((await vocab.request('GET', '/topics', me)).body.find((topic: { id: string }) => topic.id === kitchen).wordCount).toBe((await wordIdsOf(me, kitchen)).length);
    expect((await review(me, mes, 'recall', 'het mes')).body).toMatchObject({ correct: true, box: 2 });
    expect(await vocab.db.collection(THEMATIC_CARDS).findOne({ _id: `${me.userId}:${mes}` as never })).toMatchObject({ box: 2 });
    expect((await list()).find((entry) => entry.id === mes)).toMatchObject({ archived: true, version: 2 });

    expect(await archive('topics', kitchen, 1)).toEqual({ applied: true, problem: null });
    expect(await topicIds(me)).not.toContain(kitchen);
    expect((await vocab.request('GET', `/topics/${kitchen}/words`, me)).status).toBe(404);
    expect((await session(student(), kitchen)).status).toBe(404);
    expect(await lexiconIds()).not.toContain(koken);
    expect((await review(me, koken, 'recall', 'koken')).body).toMatchObject({ correct: true, box: 2 });

    // Publishing brings both back.
    expect(await publishTopic(kitchen, 2, topicContent('kitchen', { title: { nl: 'De keuken', en: 'The kitchen' }, level: 'A1', order: 1 }))).toEqual({ applied: true, problem: null });
    expect(await publishWord(mes, 3, nounContent(kitchen, 'mes', { article: 'het', plural: 'messen' }))).toEqual({ applied: true, problem: null });
    expect(await wordIdsOf(me, kitchen)).toContain(mes);
    expect(await stored(DICTIONARY_WORDS, mes)).not.toHaveProperty('archivedAt');
  });

  it('leaves what an admin published or archived alone when a newer seed is loaded', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'vocab-seed-'));
    try {
      await cp(FIXTURE_SEED_DIRECTORY, directory, { recursive: true });
      const file = join(directory, '01-kitchen.json');
      await writeFile(file, (await readFile(file, 'utf8')).replace('"table"', '"a table"').replace('"knife"', '"a knife"'));
      await archive('words', koken, 1);
      const loader = new SeedLoader(
        {
          topics: vocab.app.get<Model<TopicDocument>>(DICTIONARY_TOPIC_MODEL.token),
          words: vocab.app.get<Model<WordDocument>>(DICTIONARY_WORD_MODEL.token),
          loads: vocab.app.get<Model<SeedLoadDocument>>(DICTIONARY_SEED_LOAD_MODEL.token),
        },
        directory,
      );
      const report = await loader.load();
      expect(report.outcome).toBe('loaded');
      expect(await stored(DICTIONARY_WORDS, tafel)).toMatchObject({ lemma: 'eettafel' });
      expect(await stored(DICTIONARY_WORDS, mes)).toMatchObject({ translations: { en: 'spade' } });
      expect(await stored(DICTIONARY_WORDS, koken)).toMatchObject({ archivedAt: expect.any(Date) });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('reads the dictionary again when another process tells it changed (content.updated)', async () => {
    const me = student();
    const before = await lexiconIds();
    const drinken = seedWordId('kitchen', 'drinken', 'verb');
    expect(before).toContain(drinken);
    // Another instance archived it: this one's in-memory dictionary does not know yet.
    await vocab.db.collection<{ _id: string }>(DICTIONARY_WORDS).updateOne({ _id: drinken }, { $set: { archivedAt: new Date(), adminVersion: 9 } });
    expect(await lexiconIds()).toContain(drinken);

    const bus = vocab.app.get(LocalEventBus);
    const event = (kind: 'words' | 'videos') =>
      createEvent(ContentUpdated, { kind, id: drinken, version: 9, change: 'archived', actorId: randomUUID(), at: new Date().toISOString() }, { key: drinken, correlationId: randomUUID() });
    await bus.dispatch(event('videos'));
    expect(await lexiconIds()).toContain(drinken);
    await bus.dispatch(event('words'));
    expect(await lexiconIds()).not.toContain(drinken);
    expect(await wordIdsOf(me, kitchen)).not.toContain(drinken);
  });
});

/** What the admin context adopts: every entry of the shipped seed passes the contract's schema. */
describe('vocabulary.listDictionaryContent on the real seed dictionary (Nest app on MongoDB)', () => {
  let vocab: VocabularyTestApp;

  beforeAll(async () => {
    vocab = await startVocabularyApp({ seedDirectory: SEED_TOPICS_DIRECTORY });
  });

  afterAll(async () => {
    await vocab?.close();
  });

  it('lists every seed topic and word in the shape the contract parses', async () => {
    // The registry checks the answer against the contract before it leaves; parsed here again to show the issues.
    const listed = await vocab.app.get(RpcClient).call(ListDictionaryContent, {}, { caller: 'admin', principal: null });

    const parsed = ListDictionaryContent.output.safeParse(listed);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
    expect(listed.entries.filter((entry) => entry.kind === 'words')).toHaveLength(await vocab.db.collection(DICTIONARY_WORDS).countDocuments());
    expect(listed.entries.filter((entry) => entry.kind === 'topics')).toHaveLength(await vocab.db.collection(DICTIONARY_TOPICS).countDocuments());
    expect(listed.entries.filter((entry) => entry.kind === 'words').length).toBeGreaterThan(500);
  });
});
