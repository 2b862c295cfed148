import { LRUCache } from 'lru-cache';
import { counter } from '@tall/platform/observability';
import type { SessionStatus, SessionStatusSource } from './session-status';

export interface SessionCacheOptions {
  /** Sessions remembered at most; the least recently used go first. */
  maxEntries: number;
  /** How long an answer is kept while invalidations reach this process (the owner's events). */
  followedLifetimeMs: number;
  /**
   * How long an answer is kept otherwise (a process without the owner, or its feed is down): the
   * longest a revoked token may still pass here, so it stays under the 5 s the school asks for.
   */
  unfollowedLifetimeMs: number;
}

export const DEFAULT_SESSION_CACHE_OPTIONS: SessionCacheOptions = {
  maxEntries: 20_000,
  followedLifetimeMs: 5 * 60_000,
  unfollowedLifetimeMs: 3_000,
};

interface Entry {
  status: SessionStatus | null;
}

interface Loading {
  generation: number;
  promise: Promise<SessionStatus | null>;
}

const lookups = () =>
  counter('tall_auth_session_cache_lookups_total', 'Session checks answered from the cache (hit) or by asking the owner of sessions (miss)', ['result'] as const);

/**
 * The status of recently seen sessions, so checking an access token against its session costs no
 * round-trip in the common case. Bounded (LRU) and kept long only while something tells this
 * process when a session or an account changes (`followInvalidations(true)`); otherwise briefly.
 *
 * Every invalidation bumps a generation: an answer loaded before it is handed to the requests
 * that waited for it but not stored, so a read that raced a revocation cannot bring the revoked
 * session back into the cache.
 */
export class SessionStatusCache {
  private readonly entries: LRUCache<string, Entry>;
  private readonly loading = new Map<string, Loading>();
  private generation = 0;
  private following = false;
  private readonly hits = lookups().labels({ result: 'hit' });
  private readonly misses = lookups().labels({ result: 'miss' });

  constructor(
    private readonly source: SessionStatusSource,
    private readonly options: SessionCacheOptions = DEFAULT_SESSION_CACHE_OPTIONS,
    /** A clock for tests; read on every lookup then, instead of once per millisecond. */
    now?: () => number,
  ) {
    this.entries = new LRUCache<string, Entry>({ max: options.maxEntries, ttlAutopurge: false, ...(now ? { perf: { now }, ttlResolution: 0 } : {}) });
  }

  /** Whether answers are kept long: invalidations reach this process. */
  get followsInvalidations(): boolean {
    return this.following;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The session's status, from the cache or from the source (one load per session at a time). */
  async statusOf(sessionId: string): Promise<SessionStatus | null> {
    const cached = this.entries.get(sessionId);
    if (cached) {
      this.hits.inc();
      return cached.status;
    }
    this.misses.inc();
    const pending = this.loading.get(sessionId);
    if (pending && pending.generation === this.generation) return pending.promise;
    const generation = this.generation;
    const promise = this.source.statusOf(sessionId).then((status) => {
      if (generation === this.generation) this.entries.set(sessionId, { status }, { ttl: this.lifetimeOf(status) });
      return status;
    });
    const loading = { generation, promise };
    this.loading.set(sessionId, loading);
    const forget = () => {
      if (this.loading.get(sessionId) === loading) this.loading.delete(sessionId);
    };
    promise.then(forget, forget);
    return promise;
  }

  /** The session ended. */
  invalidateSession(sessionId: string): void {
    this.generation++;
    this.entries.delete(sessionId);
  }

  /** The account changed (role, status): every session of it is asked about again. Scans the cache; accounts change rarely. */
  invalidateUser(userId: string): void {
    this.generation++;
    const stale: string[] = [];
    for (const [sessionId, entry] of this.entries.entries()) {
      if (entry.status?.userId === userId) stale.push(sessionId);
    }
    stale.forEach((sessionId) => this.entries.delete(sessionId));
  }

  /** Forgets everything, e.g. when invalidations may have been missed. */
  invalidateAll(): void {
    this.generation++;
    this.entries.clear();
  }

  /**
   * Tells the cache whether invalidations reach this process from now on. Either way it forgets
   * what it holds: answers kept long may have missed an invalidation while the feed was down,
   * and answers loaded before the feed ran may have missed one too.
   */
  followInvalidations(following: boolean): void {
    if (following === this.following) return;
    this.following = following;
    this.invalidateAll();
  }

  private lifetimeOf(status: SessionStatus | null): number {
    // An unknown session is not expected to appear later, but nothing invalidates "unknown": keep it briefly.
    return this.following && status ? this.options.followedLifetimeMs : this.options.unfollowedLifetimeMs;
  }
}
