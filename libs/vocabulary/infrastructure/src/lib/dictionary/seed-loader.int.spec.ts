import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import { contextConnection } from '@tall/platform/database';
import { stackEnv, uniqueName } from '@tall/platform/testing';
import { seedTopicId, seedWordId } from '@tall/vocabulary/domain';
import { FIXTURE_SEED_DIRECTORY } from '../../test-support/vocabulary-test-app';
import { DICTIONARY_WORDS } from '../persistence/collections';
import { DICTIONARY_SEED_LOAD_MODEL } from '../persistence/dictionary-seed-load.schema';
import { DICTIONARY_TOPIC_MODEL } from '../persistence/dictionary-topic.schema';
import { DICTIONARY_WORD_MODEL } from '../persistence/dictionary-word.schema';
import { modelOn } from '../persistence/vocabulary-connection';
import { MongoDictionaryStore } from './mongo-dictionary.store';
import { readSeed, SEED_TOPICS_DIRECTORY, SeedError, SeedLoader, type SeedModels } from './seed-loader';

describe('SeedLoader (integration)', () => {
  let client: MongoClient;
  let db: Db;
  let store: MongoDictionaryStore;
  let models: SeedModels;
  let directory: string;

  beforeAll(async () => {
    client = new MongoClient(stackEnv().MONGODB_URI);
    await client.connect();
  });

  beforeEach(async () => {
    db = client.db(uniqueName('vocab_seed'));
    const connection = await contextConnection(client, db.databaseName);
    models = { topics: modelOn(connection, DICTIONARY_TOPIC_MODEL), words: modelOn(connection, DICTIONARY_WORD_MODEL), loads: modelOn(connection, DICTIONARY_SEED_LOAD_MODEL) };
    store = new MongoDictionaryStore(models.topics, models.words);
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
    const loader = new SeedLoader(models, directory);
    const first = await loader.load();
    expect(first).toMatchObject({ outcome: 'loaded', topics: { inserted: 2 }, words: { inserted: 12 } });
    expect((await store.topics()).map((topic) => topic.slug)).toEqual(['kitchen', 'school']);
    const kitchen = seedTopicId('kitchen');
    const words = await store.wordsOf(kitchen);
    expect(words.map((word) => word.lemma)).toEqual(['tafel', 'mes', 'kosten', 'eten', 'koken', 'opbellen', 'drinken', 'lekker']);
    expect(words[0]).toMatchObject({ id: seedWordId('kitchen', 'tafel', 'noun'), article: 'de', plural: 'tafels', pluralOnly: false, verb: null, order: 1 });
    expect(words[5].verb).toMatchObject({ irregular: false, separablePrefix: 'op', pastSingular: 'belde op' });
    expect(await store.wordCounts()).toEqual(new Map([[kitchen, 8], [seedTopicId('school'), 4]]));

    expect(await new SeedLoader(models, directory).load()).toMatchObject({ outcome: 'already-loaded' });
  });

  it('applies a newer seed to entries nobody edited, keeps admin edits, never deletes', async () => {
    await new SeedLoader(models, directory).load();
    const tafel = seedWordId('kitchen', 'tafel', 'noun');
    const mes = seedWordId('kitchen', 'mes', 'noun');
    // An admin corrects a translation (the admin issue sets editedAt on every edit).
    await db.collection(DICTIONARY_WORDS).updateOne({ _id: mes as never }, { $set: { 'translations.en': 'kitchen knife', editedAt: new Date() } });

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
    const report = await new SeedLoader(models, directory).load();
    expect(report).toMatchObject({ outcome: 'loaded', words: { inserted: 1, updated: 1, keptEdited: 1, unchanged: 9 }, notInSeed: 1 });
    const [updated, edited] = await store.words([tafel, mes]);
    expect([updated, edited].map((word) => word.translations.en).sort()).toEqual(['kitchen knife', 'table (furniture)']);
    expect(await store.words([seedWordId('kitchen', 'lekker', 'adjective')])).toHaveLength(1);
    expect(await store.words([seedWordId('kitchen', 'vork', 'noun')])).toHaveLength(1);
  });

  it('does not apply an older seed again after a roll-back', async () => {
    const original = await readFile(join(directory, '02-school.json'), 'utf8');
    await new SeedLoader(models, directory).load();
    await editFile('02-school.json', (topic) => (topic.title.en = 'School'));
    await new SeedLoader(models, directory).load();
    await writeFile(join(directory, '02-school.json'), original);
    expect(await new SeedLoader(models, directory).load()).toMatchObject({ outcome: 'already-loaded' });
    expect((await store.topic(seedTopicId('school')))?.title.en).toBe('School');
  });

  it('refuses an invalid seed, naming the file', async () => {
    await editFile('02-school.json', (topic) => (topic.words[0].article = undefined));
    await expect(readSeed(directory)).rejects.toThrow(SeedError);
    await expect(readSeed(directory)).rejects.toThrow(/02-school\.json.*article/);
  });

  it('loads the shipped seed dictionary', async () => {
    const seed = await readSeed(SEED_TOPICS_DIRECTORY);
    const report = await new SeedLoader(models, SEED_TOPICS_DIRECTORY).load();
    const words = seed.topics.reduce((sum, topic) => sum + topic.words.length, 0);
    expect(report).toMatchObject({ outcome: 'loaded', topics: { inserted: seed.topics.length }, words: { inserted: words } });
    expect(await db.collection(DICTIONARY_WORDS).countDocuments()).toBe(words);
  });
});
