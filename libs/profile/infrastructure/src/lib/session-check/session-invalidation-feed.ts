import { Client } from 'pg';
import type { SessionStatusCache } from '@tall/platform/auth';
import { backoffDelay } from '@tall/platform/events';
import type { Logger } from '@tall/platform/observability';

/** What changed for the access-token check: one session ended, one account changed, or unknown (forget all). */
export type SessionChange = { session: string } | { user: string } | { all: true };

/** PostgreSQL notification channel (per database) between the instances hosting profile. */
export const SESSION_CHANGES_CHANNEL = 'tall_profile_session_changes';
/** `application_name` of the listening connections, so operators can tell them in `pg_stat_activity`. */
export const SESSION_CHANGES_LISTENER = 'tall-session-changes';

export interface SessionInvalidationFeedOptions {
  /** profile's database: every instance hosting profile listens on it. */
  databaseUrl: string;
  /** Sends a notification on the channel (profile's own connections). */
  notify: (channel: string, payload: string) => Promise<unknown>;
  logger: Logger;
  /** How often the listening connection proves it is alive. Default 2 s. */
  heartbeatMs?: number;
}

/**
 * Keeps the session cache of every instance hosting profile in step. The relay hands each
 * profile event to one instance only (whichever drains the outbox row), so that instance applies
 * the change and tells the others through PostgreSQL `NOTIFY`; each instance `LISTEN`s on a
 * connection of its own.
 *
 * The cache keeps answers long only while this instance listens. A connection that fails, or
 * does not answer its heartbeat in time, may have missed notifications: the cache forgets
 * everything and keeps answers briefly until the listener is back.
 */
export class SessionInvalidationFeed {
  private current: Client | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private retry: NodeJS.Timeout | undefined;
  private failures = 0;
  private stopped = false;
  private readonly heartbeatMs: number;

  constructor(
    private readonly cache: SessionStatusCache,
    private readonly options: SessionInvalidationFeedOptions,
  ) {
    this.heartbeatMs = options.heartbeatMs ?? 2_000;
  }

  /** Whether this instance receives the others' changes now. */
  get listening(): boolean {
    return this.cache.followsInvalidations;
  }

  /** Connects in the background; the cache keeps answers briefly until the listener runs. */
  start(): void {
    this.stopped = false;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.current;
    if (client) this.drop(client);
  }

  /** Applies a change here at once and sends it to every instance (this one included) through PostgreSQL. */
  async publish(change: SessionChange): Promise<void> {
    this.apply(change);
    await this.options.notify(SESSION_CHANGES_CHANNEL, JSON.stringify(change));
  }

  private apply(change: SessionChange): void {
    if ('session' in change) this.cache.invalidateSession(change.session);
    else if ('user' in change) this.cache.invalidateUser(change.user);
    else this.cache.invalidateAll();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    // A query (the heartbeat) that hangs this long means the connection is gone.
    const client = new Client({
      connectionString: this.options.databaseUrl,
      application_name: SESSION_CHANGES_LISTENER,
      keepAlive: true,
      query_timeout: this.heartbeatMs * 2,
    });
    this.current = client;
    client.on('error', (error) => this.drop(client, error));
    client.on('end', () => this.drop(client, new Error('connection ended')));
    client.on('notification', (message) => {
      if (message.channel === SESSION_CHANGES_CHANNEL) this.apply(parseChange(message.payload));
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${SESSION_CHANGES_CHANNEL}`);
    } catch (error) {
      this.drop(client, error);
      return;
    }
    if (client !== this.current) return;
    if (this.failures > 0) this.options.logger.info({ attempts: this.failures }, 'listening for session changes again');
    this.failures = 0;
    this.cache.followInvalidations(true);
    this.heartbeat = setInterval(() => {
      client.query('SELECT 1').catch((error: unknown) => this.drop(client, error));
    }, this.heartbeatMs);
    this.heartbeat.unref();
  }

  /** Forgets a connection (once), stops trusting the cache, and tries again unless stopping. */
  private drop(client: Client, error?: unknown): void {
    if (client !== this.current) return;
    this.current = undefined;
    clearInterval(this.heartbeat);
    this.cache.followInvalidations(false);
    // An 'error' after this must not go unhandled; the connection is closed either way.
    client.removeAllListeners();
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    this.failures++;
    const delay = backoffDelay(this.failures, { initialMs: 200, maxMs: 5_000 });
    this.options.logger.warn(
      { attempt: this.failures, retryInMs: delay, err: error instanceof Error ? error.message : String(error) },
      'not listening for session changes: access tokens are checked against profile every few seconds until the listener is back',
    );
    this.retry = setTimeout(() => void this.connect(), delay);
    this.retry.unref();
  }
}

/** A notification's change; an unreadable one forgets everything, which is always safe. */
export function parseChange(payload: string | undefined): SessionChange {
  try {
    const value = JSON.parse(payload ?? '') as Record<string, unknown>;
    if (typeof value['session'] === 'string') return { session: value['session'] };
    if (typeof value['user'] === 'string') return { user: value['user'] };
  } catch {
    // Falls through to forgetting everything.
  }
  return { all: true };
}
