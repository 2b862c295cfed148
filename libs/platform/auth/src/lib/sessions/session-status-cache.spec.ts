import { randomUUID } from 'node:crypto';
import type { SessionStatus, SessionStatusSource } from './session-status';
import { SessionStatusCache, type SessionCacheOptions } from './session-status-cache';

/** Answers from a map it can be told to change, counting every question; `hold()` keeps answers back. */
class FakeSource implements SessionStatusSource {
  readonly statuses = new Map<string, SessionStatus>();
  readonly asked: string[] = [];
  failing: Error | undefined;
  private held: Array<() => void> | undefined;

  async statusOf(sessionId: string): Promise<SessionStatus | null> {
    this.asked.push(sessionId);
    // Read now: what the owner answers is what it held when asked, however late the answer arrives.
    const answer = this.statuses.get(sessionId) ?? null;
    const failing = this.failing;
    if (this.held) await new Promise<void>((resolve) => this.held?.push(resolve));
    if (failing) throw failing;
    return answer ? { ...answer } : null;
  }

  hold(): void {
    this.held = [];
  }

  release(): void {
    const held = this.held ?? [];
    this.held = undefined;
    held.forEach((resolve) => resolve());
  }
}

const OPTIONS: SessionCacheOptions = { maxEntries: 100, followedLifetimeMs: 300_000, unfollowedLifetimeMs: 3_000 };

describe('SessionStatusCache', () => {
  let source: FakeSource;
  let now: number;
  let cache: SessionStatusCache;
  const session = (userId = randomUUID(), role = 'STUDENT') => {
    const id = randomUUID();
    source.statuses.set(id, { userId, role, active: true });
    return id;
  };

  beforeEach(() => {
    source = new FakeSource();
    now = 1_000_000;
    cache = new SessionStatusCache(source, OPTIONS, () => now);
  });

  it('asks the source once, then answers from memory', async () => {
    const id = session();
    expect(await cache.statusOf(id)).toMatchObject({ active: true });
    expect(await cache.statusOf(id)).toMatchObject({ active: true });
    expect(source.asked).toEqual([id]);
  });

  it('shares one question between concurrent lookups of a session', async () => {
    const id = session();
    source.hold();
    const answers = Promise.all([cache.statusOf(id), cache.statusOf(id), cache.statusOf(id)]);
    source.release();
    expect((await answers).map((status) => status?.active)).toEqual([true, true, true]);
    expect(source.asked).toEqual([id]);
  });

  it('keeps answers briefly until it follows invalidations, then for minutes', async () => {
    const id = session();
    await cache.statusOf(id);
    now += OPTIONS.unfollowedLifetimeMs + 1;
    await cache.statusOf(id);
    expect(source.asked).toHaveLength(2);

    cache.followInvalidations(true);
    await cache.statusOf(id);
    now += OPTIONS.unfollowedLifetimeMs * 10;
    await cache.statusOf(id);
    expect(source.asked).toHaveLength(3);
    now += OPTIONS.followedLifetimeMs;
    await cache.statusOf(id);
    expect(source.asked).toHaveLength(4);
  });

  it('keeps an unknown session briefly even while it follows invalidations', async () => {
    cache.followInvalidations(true);
    const unknown = randomUUID();
    expect(await cache.statusOf(unknown)).toBeNull();
    expect(await cache.statusOf(unknown)).toBeNull();
    now += OPTIONS.unfollowedLifetimeMs + 1;
    await cache.statusOf(unknown);
    expect(source.asked).toEqual([unknown, unknown]);
  });

  it('forgets everything when the feed of invalidations starts or stops', async () => {
    const id = session();
    await cache.statusOf(id);
    cache.followInvalidations(true);
    await cache.statusOf(id);
    cache.followInvalidations(false);
    await cache.statusOf(id);
    expect(source.asked).toHaveLength(3);
  });

  it('asks again about a session that ended', async () => {
    cache.followInvalidations(true);
    const id = session();
    await cache.statusOf(id);
    source.statuses.set(id, { ...(source.statuses.get(id) as SessionStatus), active: false });
    expect(await cache.statusOf(id)).toMatchObject({ active: true });
    cache.invalidateSession(id);
    expect(await cache.statusOf(id)).toMatchObject({ active: false });
  });

  it("drops every session of a changed account, and only those", async () => {
    cache.followInvalidations(true);
    const userId = randomUUID();
    const [phone, laptop, other] = [session(userId), session(userId), session()];
    for (const id of [phone, laptop, other]) await cache.statusOf(id);
    source.statuses.set(phone, { userId, role: 'TEACHER', active: true });
    source.statuses.set(laptop, { userId, role: 'TEACHER', active: true });
    cache.invalidateUser(userId);
    expect((await cache.statusOf(phone))?.role).toBe('TEACHER');
    expect((await cache.statusOf(laptop))?.role).toBe('TEACHER');
    await cache.statusOf(other);
    expect(source.asked.filter((id) => id === other)).toHaveLength(1);
    expect(cache.size).toBe(3);
  });

  it('does not store an answer that was read before an invalidation arrived', async () => {
    cache.followInvalidations(true);
    const id = session();
    source.hold();
    const early = cache.statusOf(id);
    // The session ends while the read is on its way back with "active".
    source.statuses.set(id, { ...(source.statuses.get(id) as SessionStatus), active: false });
    cache.invalidateSession(id);
    source.release();
    // The request that asked before the revocation gets the old answer, but it is not kept.
    expect((await early)?.active).toBe(true);
    expect((await cache.statusOf(id))?.active).toBe(false);
    expect(source.asked).toEqual([id, id]);
  });

  it('does not let a lookup after an invalidation join a read from before it', async () => {
    cache.followInvalidations(true);
    const id = session();
    source.hold();
    const early = cache.statusOf(id);
    source.statuses.set(id, { ...(source.statuses.get(id) as SessionStatus), active: false });
    cache.invalidateSession(id);
    const late = cache.statusOf(id);
    source.release();
    expect((await early)?.active).toBe(true);
    expect((await late)?.active).toBe(false);
    expect(source.asked).toEqual([id, id]);
  });

  it('does not remember a failure: the next lookup asks again', async () => {
    const id = session();
    source.failing = new Error('PostgreSQL is down');
    await expect(cache.statusOf(id)).rejects.toThrow('PostgreSQL is down');
    source.failing = undefined;
    expect(await cache.statusOf(id)).toMatchObject({ active: true });
    expect(source.asked).toEqual([id, id]);
  });

  it('holds at most maxEntries sessions, the least recently used going first', async () => {
    const small = new SessionStatusCache(source, { ...OPTIONS, maxEntries: 2 }, () => now);
    const [a, b, c] = [session(), session(), session()];
    await small.statusOf(a);
    await small.statusOf(b);
    await small.statusOf(a);
    await small.statusOf(c);
    expect(small.size).toBe(2);
    await small.statusOf(a);
    await small.statusOf(b);
    expect(source.asked).toEqual([a, b, c, b]);
  });
});
