import { MongoClient, type Db } from 'mongodb';
import { contextConnection } from '@tall/platform/database';
import { stackEnv, uniqueName } from '@tall/platform/testing';
import { DICTIONARY_SEED_LOAD_MODEL } from '../persistence/dictionary-seed-load.schema';
import { DICTIONARY_TOPIC_MODEL } from '../persistence/dictionary-topic.schema';
import { DICTIONARY_WORD_MODEL } from '../persistence/dictionary-word.schema';
import { modelOn } from '../persistence/vocabulary-connection';
import { CachedDictionaryStore } from './cached-dictionary.store';
import { MongoDictionaryContentStore } from './mongo-dictionary-content.store';
import { MongoDictionaryStore } from './mongo-dictionary.store';
import { SEED_TOPICS_DIRECTORY, SeedLoader } from './seed-loader';

jest.setTimeout(120_000);

/** The in-memory dictionary answers every question exactly as the database does, on the real seed. */
describe('CachedDictionaryStore on the seed dictionary (integration)', () => {
  let client: MongoClient;
  let db: Db;
  let stored: MongoDictionaryStore;
  let cached: CachedDictionaryStore;

  beforeAll(async () => {
    client = new MongoClient(stackEnv().MONGODB_URI);
    db = client.db(uniqueName('vocab_cache'));
    const connection = await contextConnection(client, db.databaseName);
    const models = { topics: modelOn(connection, DICTIONARY_TOPIC_MODEL), words: modelOn(connection, DICTIONARY_WORD_MODEL), loads: modelOn(connection, DICTIONARY_SEED_LOAD_MODEL) };
    stored = new MongoDictionaryStore(models.topics, models.words);
    await stored.ensureIndexes();
    await new SeedLoader(models, SEED_TOPICS_DIRECTORY).load();
    cached = new CachedDictionaryStore(new MongoDictionaryContentStore(models.topics, models.words));
  });

  afterAll(async () => {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  });

  it('lists the topics, all and per level, in the same order', async () => {
    const topics = await stored.topics();
    expect(topics.length).toBeGreaterThan(10);
    expect(await cached.topics()).toEqual(topics);
    expect(await cached.topics({ level: 'A2' })).toEqual(await stored.topics({ level: 'A2' }));
    expect(await cached.topic(topics[3].id)).toEqual(await stored.topic(topics[3].id));
    expect(await cached.topic('no-such-topic')).toBeNull();
  });

  it('counts and lists the words of every topic in the same order', async () => {
    expect(await cached.wordCounts()).toEqual(await stored.wordCounts());
    for (const topic of await stored.topics()) {
      expect(await cached.wordCount(topic.id)).toBe(await stored.wordCount(topic.id));
      expect(await cached.wordsOf(topic.id)).toEqual(await stored.wordsOf(topic.id));
    }
  });

  it('finds words by id and draws the same distractors', async () => {
    const [topic] = await stored.topics();
    const words = await stored.wordsOf(topic.id);
    const ids = [words[0].id, words[2].id, 'no-such-word'];
    const byId = (list: Array<{ id: string }>) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(await cached.words(ids))).toEqual(byId(await stored.words(ids)));
    expect(await cached.wordsOutside(topic.id, 12)).toEqual(await stored.wordsOutside(topic.id, 12));
  });
});
