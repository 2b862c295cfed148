import { randomUUID } from 'node:crypto';
import { mongoFixture, type MongoFixture } from '../../test-support/event-stack';
import { applyOnce, INBOX_FIELD, inboxKey, trimInbox, type InboxEntry } from './mongo-inbox';

jest.setTimeout(30_000);

interface Progress {
  _id: string;
  reviews: number;
  lastCard?: string;
  [INBOX_FIELD]?: InboxEntry[];
}

describe('MongoDB inbox (applyOnce)', () => {
  let mongo: MongoFixture;

  beforeAll(async () => {
    mongo = await mongoFixture('inbox');
  });

  afterAll(() => mongo.close());

  it('applies a redelivered event once, creating the document on first delivery', async () => {
    const progress = mongo.db.collection<Progress>('progress');
    const eventId = randomUUID();
    const apply = () =>
      applyOnce(progress, { _id: 'student-1' }, { $inc: { reviews: 1 }, $set: { lastCard: 'card-9' } }, {
        eventId,
        handler: 'progress.onReview',
        upsert: true,
      });
    expect(await apply()).toBe(true);
    expect(await apply()).toBe(false);
    expect(await apply()).toBe(false);
    const document = await progress.findOne({ _id: 'student-1' });
    expect(document).toEqual({
      _id: 'student-1',
      reviews: 1,
      lastCard: 'card-9',
      [INBOX_FIELD]: [{ k: inboxKey('progress.onReview', eventId), at: expect.any(Date) }],
    });
    // A second event is applied to the same document.
    expect(
      await applyOnce(progress, { _id: 'student-1' }, { $inc: { reviews: 1 } }, { eventId: randomUUID(), handler: 'progress.onReview' }),
    ).toBe(true);
    expect((await progress.findOne({ _id: 'student-1' }))?.reviews).toBe(2);
  });

  it('still refuses an old event once the document holds several (FerretDB matches $ne on arrays loosely)', async () => {
    const progress = mongo.db.collection<Progress>('progress');
    const first = randomUUID();
    const apply = (eventId: string, upsert: boolean) =>
      applyOnce(progress, { _id: 'student-3' }, { $inc: { reviews: 1 } }, { eventId, handler: 'progress.onReview', upsert });
    expect(await apply(first, true)).toBe(true);
    expect(await apply(randomUUID(), true)).toBe(true);
    expect(await apply(first, true)).toBe(false);
    expect(await apply(first, false)).toBe(false);
    expect((await progress.findOne({ _id: 'student-3' }))?.reviews).toBe(2);
  });

  it('merges its $push with the handler’s own $push', async () => {
    const progress = mongo.db.collection<Progress & { history?: string[] }>('progress');
    const eventId = randomUUID();
    const update = { $push: { history: 'reviewed' } };
    expect(await applyOnce(progress, { _id: 'student-2' }, update, { eventId, handler: 'h', upsert: true })).toBe(true);
    expect(await applyOnce(progress, { _id: 'student-2' }, update, { eventId, handler: 'h', upsert: true })).toBe(false);
    expect((await progress.findOne({ _id: 'student-2' }))?.history).toEqual(['reviewed']);
  });

  it('reports false without upsert when no document matches', async () => {
    const progress = mongo.db.collection<Progress>('progress');
    expect(await applyOnce(progress, { _id: 'nobody' }, { $inc: { reviews: 1 } }, { eventId: randomUUID(), handler: 'h' })).toBe(false);
    expect(await progress.findOne({ _id: 'nobody' })).toBeNull();
  });

  it('refuses an upsert whose filter does not pin _id, and updates that touch the inbox', async () => {
    const progress = mongo.db.collection<Progress>('progress');
    const options = { eventId: randomUUID(), handler: 'h', upsert: true };
    await expect(applyOnce(progress, { reviews: 3 }, { $inc: { reviews: 1 } }, options)).rejects.toThrow(/pin _id/);
    await expect(applyOnce(progress, { _id: 'x' }, { $unset: { _inbox: '' } } as never, options)).rejects.toThrow(/may not touch _inbox/);
    await expect(applyOnce(progress, { _id: 'x' }, { reviews: 1 } as never, options)).rejects.toThrow(/not an update operator/);
  });

  it('trims entries older than the retention and keeps the newer ones', async () => {
    const progress = mongo.db.collection<Progress>('trimmed');
    const old = new Date(Date.now() - 10 * 24 * 3600_000);
    const recent = new Date();
    await progress.insertMany(
      [...Array(7).keys()].map((i) => ({
        _id: `s-${i}`,
        reviews: 0,
        [INBOX_FIELD]: [
          { k: `h:old-${i}`, at: old },
          { k: `h:new-${i}`, at: recent },
        ],
      })),
    );
    expect(await trimInbox(progress, new Date(Date.now() - 24 * 3600_000), { batchSize: 3 })).toBe(7);
    const documents = await progress.find().sort({ _id: 1 }).toArray();
    expect(documents.map((d) => d[INBOX_FIELD]?.map((entry) => entry.k))).toEqual([...Array(7).keys()].map((i) => [`h:new-${i}`]));
  });
});
