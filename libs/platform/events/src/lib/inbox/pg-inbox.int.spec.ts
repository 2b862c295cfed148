import { randomUUID } from 'node:crypto';
import { pgFixture, type PgFixture } from '../../test-support/event-stack';

jest.setTimeout(30_000);

describe('PgInbox', () => {
  let pg: PgFixture;

  beforeAll(async () => {
    pg = await pgFixture('inbox');
    await pg.pool.query(`CREATE TABLE "${pg.schema}".totals (student text PRIMARY KEY, points int NOT NULL)`);
  });

  afterAll(() => pg.close());

  const addPoints = (student: string, points: number) => async (tx: { query: (text: string, params?: unknown[]) => Promise<unknown> }) => {
    await tx.query(
      `INSERT INTO "${pg.schema}".totals (student, points) VALUES ($1, $2)
       ON CONFLICT (student) DO UPDATE SET points = totals.points + EXCLUDED.points`,
      [student, points],
    );
  };

  const points = async (student: string) =>
    (await pg.pool.query(`SELECT points FROM "${pg.schema}".totals WHERE student = $1`, [student])).rows[0]?.points;

  it('applies a redelivered event once', async () => {
    const eventId = randomUUID();
    expect(await pg.inbox.runOnce(pg.pool, eventId, 'progress.onReview', addPoints('s1', 5))).toBe(true);
    expect(await pg.inbox.runOnce(pg.pool, eventId, 'progress.onReview', addPoints('s1', 5))).toBe(false);
    expect(await points('s1')).toBe(5);
    // Another handler of the same event has its own entry.
    expect(await pg.inbox.runOnce(pg.pool, eventId, 'progress.onReviewStreak', addPoints('s1', 1))).toBe(true);
    expect(await points('s1')).toBe(6);
  });

  it('applies once under concurrent deliveries of one event', async () => {
    const eventId = randomUUID();
    const results = await Promise.all(
      [...Array(8).keys()].map(() => pg.inbox.runOnce(pg.pool, eventId, 'progress.onReview', addPoints('s2', 3))),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await points('s2')).toBe(3);
  });

  it('rolls the inbox entry back with a failed effect, so the retry applies it', async () => {
    const eventId = randomUUID();
    await expect(
      pg.inbox.runOnce(pg.pool, eventId, 'progress.onReview', async (tx) => {
        await addPoints('s3', 2)(tx);
        throw new Error('effect failed');
      }),
    ).rejects.toThrow('effect failed');
    expect(await points('s3')).toBeUndefined();
    expect(await pg.inbox.runOnce(pg.pool, eventId, 'progress.onReview', addPoints('s3', 2))).toBe(true);
    expect(await points('s3')).toBe(2);
  });

  it('prunes old entries', async () => {
    await pg.inbox.prune(pg.pool, new Date(Date.now() + 60_000));
    expect((await pg.pool.query(`SELECT count(*)::int AS n FROM ${pg.inbox.table}`)).rows[0].n).toBe(0);
  });
});
