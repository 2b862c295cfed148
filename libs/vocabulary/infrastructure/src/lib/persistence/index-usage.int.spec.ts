import { MongoClient, type Db, type Document } from 'mongodb';
import { stackEnv, uniqueName } from '@tall/platform/testing';
import { contextConnection } from '@tall/platform/database';
import { documentWithOutbox, MongoOutboxSource, OUTBOX_PENDING_FIELD } from '@tall/platform/events';
import { LEARNING_CARD_MODEL } from './learning-card.schema';
import { DICTIONARY_WORD_MODEL } from './dictionary-word.schema';
import { THEMATIC_CARD_MODEL } from './thematic-card.schema';
import { modelOn } from './vocabulary-connection';

jest.setTimeout(120_000);

/**
 * The hot queries of the vocabulary store, the dictionary seed and the outbox relay are
 * answered from an index, on MongoDB (IXSCAN) and on the local stack's FerretDB with its
 * PostgreSQL backend (an index or bitmap index scan in the PostgreSQL plan it returns), not
 * by scanning the collection. Thousands of documents, so a planner has a reason to choose.
 */
function planOf(explained: Document): string {
  return JSON.stringify(explained);
}

function usesIndex(explained: Document): boolean {
  const plan = planOf(explained);
  return /IXSCAN|IDHACK|EXPRESS_IXSCAN|"Index Scan"|"Index Only Scan"|"Bitmap Index Scan"/.test(plan) && !/COLLSCAN|"Seq Scan"/.test(plan);
}

describe('vocabulary and relay queries use indexes (integration)', () => {
  let client: MongoClient;
  let db: Db;

  beforeAll(async () => {
    client = new MongoClient(stackEnv().MONGODB_URI);
    db = client.db(uniqueName('vocab_indexes'));
    const connection = await contextConnection(client, db.databaseName);
    await Promise.all([
      modelOn(connection, LEARNING_CARD_MODEL).createIndexes(),
      modelOn(connection, DICTIONARY_WORD_MODEL).createIndexes(),
      modelOn(connection, THEMATIC_CARD_MODEL).createIndexes(),
    ]);
    await new MongoOutboxSource(db, LEARNING_CARD_MODEL.collection).start();
    const now = Date.now();
    const cards: Document[] = [...Array(3000).keys()].map((i) => {
      const card = {
        _id: `card-${i}`,
        userId: `student-${i % 100}`,
        lemmaKey: `woord-${i}`,
        status: 'active',
        cohortWeek: '2026-W49',
        due: new Date(now + (i % 7) * 86_400_000),
        addedAt: new Date(now),
      };
      return i % 50 === 0 ? documentWithOutbox(card, []) : card;
    });
    await db.collection(LEARNING_CARD_MODEL.collection).insertMany(cards);
    await db.collection<{ _id: string }>(LEARNING_CARD_MODEL.collection).updateMany({ _id: { $in: ['card-0', 'card-50'] } }, { $set: { [OUTBOX_PENDING_FIELD]: true } });
    await db
      .collection<{ _id: string }>(THEMATIC_CARD_MODEL.collection)
      .insertMany([...Array(3000).keys()].map((i) => ({ _id: `t-${i}`, userId: `student-${i % 100}`, topicId: `topic-${i % 20}`, box: 1 })));
    await db
      .collection<{ _id: string }>(DICTIONARY_WORD_MODEL.collection)
      .insertMany([...Array(3000).keys()].map((i) => ({ _id: `w-${i}`, topicId: `topic-${i % 60}`, order: i, lemma: `woord-${i}` })));
  });

  afterAll(async () => {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  });

  const find = (collection: string, filter: Document) => ({ find: collection, filter });

  it.each([
    ['a student’s learning cards', () => find(LEARNING_CARD_MODEL.collection, { userId: 'student-7' })],
    [
      'today’s learning queue',
      () => find(LEARNING_CARD_MODEL.collection, { userId: 'student-7', status: 'active', cohortWeek: '2026-W49', due: { $lte: new Date() } }),
    ],
    ['one learning card', () => find(LEARNING_CARD_MODEL.collection, { _id: 'card-42' })],
    ['a student’s thematic cards of a topic', () => find(THEMATIC_CARD_MODEL.collection, { userId: 'student-7', topicId: 'topic-7' })],
    ['the words of a topic', () => find(DICTIONARY_WORD_MODEL.collection, { topicId: 'topic-3' })],
    // A thematic review reads its words, and a batch its cards and claims, by a list of ids.
    ['the words of a review batch', () => find(DICTIONARY_WORD_MODEL.collection, { _id: { $in: ['w-42', 'w-1337', 'w-2999'] } })],
    ['a student’s cards of a list of topics', () => find(THEMATIC_CARD_MODEL.collection, { userId: 'student-7', topicId: { $in: ['topic-7', 'topic-8'] } })],
    ['the relay’s pending documents', () => find(LEARNING_CARD_MODEL.collection, { [OUTBOX_PENDING_FIELD]: true })],
    // The seed upserts words by _id. FerretDB runs an update's filter through the same pushed
    // down query as a find (its explain of `update` leaves the filter out, so the find is asked).
    ['the word a seed upsert looks up', () => find(DICTIONARY_WORD_MODEL.collection, { _id: 'w-42' })],
  ])('%s', async (_name, command) => {
    const explained = await db.command({ explain: command(), verbosity: 'queryPlanner' });
    expect({ usesIndex: usesIndex(explained), plan: usesIndex(explained) ? '' : planOf(explained).slice(0, 600) }).toEqual({ usesIndex: true, plan: '' });
  });

  it('can tell a collection scan from an index scan', async () => {
    const explained = await db.command({ explain: find(DICTIONARY_WORD_MODEL.collection, { lemma: 'woord-3' }), verbosity: 'queryPlanner' });
    expect(usesIndex(explained)).toBe(false);
  });
});
