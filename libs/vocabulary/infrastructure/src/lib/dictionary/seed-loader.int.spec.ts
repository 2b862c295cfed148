import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import { stackEnv, uniqueName } from '@tall/platform/testing';
import { seedTopicId, seedWordId } from '@tall/vocabulary/domain';
import { FIXTURE_SEED_DIRECTORY } from '../../test-support/vocabulary-test-app';
import { MongoDictionaryStore } from './mongo-dictionary.store';
import { readSeed, SEED_TOPICS_DIRECTORY, SeedError, SeedLoader } from './seed-loader';

describe('SeedLoader (integration)', () => {
  let client: MongoClient;
  let db: Db;
  let store: MongoDictionaryStore;
  let directory: string;

  beforeAll(async () => {
    client = new MongoClient(stackEnv().MONGODB_URI);
    await client.connect();
  });

  beforeEach(async () => {
    db = client.db(uniqueName('vocab_seed'));
    store = new MongoDictionaryStore(db);
    await store.ensureIndexes();
    directory = await mkdtemp(join(tmpdir(), 'tall-seed-'));
    await cp(FIXTURE_SEED_DIRECTORY, directory, { recursive: true });
  });

  afterEach(async () => {
    await db.dropDatabase().catch(() => undefined);
    await rm(directory, { recursive: true, force: true });
  });

  afterAll(async () => {
    await client?.close();
  });

  const editFile = async (name: string, edit: (topic: any) => void) => {  // eslint-disable-line @typescript-eslint/no-explicit-any
    const path = join(directory, name);
    const topic = JSON.parse(await readFile(path, 'utf8'));
    edit(topic);
    await writeFile(path, JSON.stringify(topic, null, 2));
  };

  it('loads an empty dictionary, then does nothing for the same seed', async () => {
    const loader = new SeedLoader(store, db, directory);
    const first = await loader.load();
    expect(first).toMatchObject({ outcome: 'loaded', topics: { inserted: 2 }, words: { inserted: 12 } });
    expect((await store.topics()).map((topic) => topic.slug)).toEqual(['kitchen', 'school']);
    const kitchen = seedTopicId('kitchen');
    const words = await store.wordsOf(kitchen);
    expect(words.map((word) => word.lemma)).toEqual(['tafel', 'mes', 'kosten', 'eten', 'koken', 'opbellen', 'drinken', 'lekker']);
    expect(words[0]).toMatchObject({ id: seedWordId('kitchen', 'tafel', 'noun'), article: 'de', plural: 'tafels', pluralOnly: false, verb: null, order: 1 });
    expect(words[5].verb).toMatchObject({ irregular: false, separablePrefix: 'op', pastSingular: 'belde op' });
    expect(await store.wordCounts()).toEqual(new Map([[kitchen, 8], [seedTopicId('school'), 4]]));

    expect(await new SeedLoader(store, db, directory).load()).toMatchObject({ outcome: 'already-loaded' });
  });

  it('applies a newer seed to entries nobody edited, keeps admin edits, never deletes', async () => {
    await new SeedLoader(store, db, directory).load();
    const tafel = seedWordId('kitchen', 'tafel', 'noun');
    const mes = seedWordId('kitchen', 'mes', 'noun');
    // An admin corrects a translation (the admin issue sets editedAt on every edit).
    await store.wordsCollection.updateOne({ _id: mes }, { $set: { 'translations.en': 'kitchen knife', editedAt: new Date() } });

    await editFile('01-kitchen.json', (topic) => {
      topic.words[0].translations.en = 'table (furniture)';
      topic.words[1].translations.en = 'blade';
      topic.words = topic.words.filter((word: { lemma: string }) => word.lemma !== 'lekker');
      topic.words.push({
        lemma: 'vork',
        pos: 'noun',
        article: 'de',
        plural: 'vorken',
        translations: { en: 'fork', ru: 'вилка' },
        example: { nl: 'De vork ligt naast het bord.', en: 'The fork lies next to the plate.' },
      });
    });
    const report = await new SeedLoader(store, db, directory).load();
    expect(report).toMatchObject({ outcome: 'loaded', words: { inserted: 1, updated: 1, keptEdited: 1, unchanged: 9 }, notInSeed: 1 });
    const [updated, edited] = await store.words([tafel, mes]);
    expect([updated, edited].map((word) => word.translations.en).sort()).toEqual(['kitchen knife', 'table (furniture)']);
    expect(await store.words([seedWordId('kitchen', 'lekker', 'adjective')])).toHaveLength(1);
    expect(await store.words([seedWordId('kitchen', 'vork', 'noun')])).toHaveLength(1);
  });

  it('does not apply an older seed again after a roll-back', async () => {
    const original = await readFile(join(directory, '02-school.json'), 'utf8');
    await new SeedLoader(store, db, directory).load();
    await editFile('02-school.json', (topic) => (topic.title.en = 'School'));
    await new SeedLoader(store, db, directory).load();
    await writeFile(join(directory, '02-school.json'), original);
    expect(await new SeedLoader(store, db, directory).load()).toMatchObject({ outcome: 'already-loaded' });
    expect((await store.topic(seedTopicId('school')))?.title.en).toBe('School');
  });

  it('refuses an invalid seed, naming the file', async () => {
    await editFile('02-school.json', (topic) => (topic.words[0].article = undefined));
    await expect(readSeed(directory)).rejects.toThrow(SeedError);
    await expect(readSeed(directory)).rejects.toThrow(/02-school\.json.*article/);
  });

  it('loads the shipped seed dictionary', async () => {
    const seed = await readSeed(SEED_TOPICS_DIRECTORY);
    const report = await new SeedLoader(store, db, SEED_TOPICS_DIRECTORY).load();
    const words = seed.topics.reduce((sum, topic) => sum + topic.words.length, 0);
    expect(report).toMatchObject({ outcome: 'loaded', topics: { inserted: seed.topics.length }, words: { inserted: words } });
    expect(await store.wordsCollection.countDocuments()).toBe(words);
  });
});
