import { MongoClient, type Db } from 'mongodb';
import { stackEnv, uniqueName } from '@tall/platform/testing';

/**
 * The stack's MongoDB-wire server makes each single-document write atomic, as MongoDB does
 * (see tools/stack/ferretdb-serialize-writes.patch): stock FerretDB 1.24 reads a document, applies the
 * operators and writes it back, and concurrent writers lost each other's changes. On MongoDB
 * these pass as they are.
 */
describe('single-document writes on the stack are atomic under concurrency (integration)', () => {
  let client: MongoClient;
  let db: Db;

  beforeAll(async () => {
    client = new MongoClient(stackEnv().MONGODB_URI, { maxPoolSize: 50 });
    db = client.db(uniqueName('atomicity'));
  });

  afterAll(async () => {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  });

  it('loses none of 200 concurrent $inc of one document by _id', async () => {
    const counters = db.collection<{ _id: string; n: number }>('by_id');
    await counters.insertOne({ _id: 'c', n: 0 });
    await Promise.all([...Array(200).keys()].map(() => counters.updateOne({ _id: 'c' }, { $inc: { n: 1 } })));
    expect((await counters.findOne({ _id: 'c' }))?.n).toBe(200);
  });

  it('loses none when the filter is not by _id, or writes many documents, while others write one', async () => {
    const counters = db.collection<{ _id: string; group: string; n: number }>('by_filter');
    await counters.insertMany([...Array(10).keys()].map((i) => ({ _id: `c${i}`, group: 'g', n: 0 })));
    await Promise.all([
      ...[...Array(50).keys()].map(() => counters.updateOne({ group: 'g', _id: 'c3' }, { $inc: { n: 1 } })),
      ...[...Array(50).keys()].map(() => counters.updateOne({ group: 'g', n: { $gte: 0 } }, { $inc: { n: 1 } })),
      ...[...Array(20).keys()].map(() => counters.updateMany({ group: 'g' }, { $inc: { n: 1 } })),
      ...[...Array(50).keys()].map((i) => counters.findOneAndUpdate({ _id: `c${i % 10}` }, { $inc: { n: 1 } })),
    ]);
    const total = (await counters.find().toArray()).reduce((sum, counter) => sum + counter.n, 0);
    expect(total).toBe(50 + 50 + 20 * 10 + 50);
  });
});
