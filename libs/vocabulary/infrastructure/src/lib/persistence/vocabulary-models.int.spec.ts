import { MongoClient, type Db } from 'mongodb';
import type { Connection } from 'mongoose';
import { contextConnection } from '@tall/platform/database';
import { stackEnv, uniqueName } from '@tall/platform/testing';
import { DICTIONARY_SEED_LOAD_MODEL } from './dictionary-seed-load.schema';
import { DICTIONARY_TOPIC_MODEL } from './dictionary-topic.schema';
import { DICTIONARY_WORD_MODEL } from './dictionary-word.schema';
import { LEARNING_CARD_MODEL } from './learning-card.schema';
import { LEARNING_REVIEW_MODEL } from './learning-review.schema';
import { LEARNING_ROTATION_MODEL } from './learning-rotation.schema';
import { LEARNING_STUDENT_MODEL } from './learning-student.schema';
import { LEARNING_WEEK_EVENTS_MODEL } from './learning-week-events.schema';
import { LEARNING_WEEK_MODEL } from './learning-week.schema';
import { THEMATIC_CARD_MODEL } from './thematic-card.schema';
import { THEMATIC_PROGRESS_MODEL } from './thematic-progress.schema';
import { THEMATIC_REVIEW_MODEL } from './thematic-review.schema';
import { modelOn, type VocabularyModel } from './vocabulary-connection';

const MODELS: ReadonlyArray<VocabularyModel<unknown>> = [
  DICTIONARY_TOPIC_MODEL,
  DICTIONARY_WORD_MODEL,
  DICTIONARY_SEED_LOAD_MODEL,
  THEMATIC_CARD_MODEL,
  THEMATIC_REVIEW_MODEL,
  THEMATIC_PROGRESS_MODEL,
  LEARNING_CARD_MODEL,
  LEARNING_REVIEW_MODEL,
  LEARNING_STUDENT_MODEL,
  LEARNING_WEEK_MODEL,
  LEARNING_WEEK_EVENTS_MODEL,
  LEARNING_ROTATION_MODEL,
];

describe('the vocabulary mongoose models (integration)', () => {
  let client: MongoClient;
  let db: Db;
  let connection: Connection;

  beforeAll(async () => {
    client = new MongoClient(stackEnv().MONGODB_URI);
    db = client.db(uniqueName('vocab_models'));
    connection = await contextConnection(client, db.databaseName);
  });

  afterAll(async () => {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  });

  it('create no collection and no index when compiled: the stores create their indexes at start', async () => {
    for (const model of MODELS) await modelOn(connection, model).init();
    expect(await db.listCollections().toArray()).toEqual([]);
  });

  it('refuse an update or a filter naming a path the schema lacks, instead of dropping it', async () => {
    const cards = modelOn(connection, LEARNING_CARD_MODEL);
    await expect(cards.updateOne({ _id: 'card' }, { $set: { lemmaa: 'tafel' } })).rejects.toThrow(/lemmaa/);
    await expect(cards.deleteMany({ userid: 'someone' })).rejects.toThrow(/userid/);
  });
});
