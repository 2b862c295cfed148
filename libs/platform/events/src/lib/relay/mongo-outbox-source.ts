import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { Collection, Db, Document } from 'mongodb';
import { errorMessage } from '../events-logger';
import { OUTBOX_FIELD, OUTBOX_PENDING_FIELD } from '../outbox/mongo-outbox';
import { backoffDelay, type BackoffOptions } from '../retry-backoff';
import { MongoRelayLease } from './mongo-relay-lease';
import type { DrainResult, OutboxSource, OutboxStats, PublishBatch } from './outbox-source';

export interface MongoOutboxSourceOptions {
  /** Slot length of the relay lease (see MongoRelayLease). */
  leaseSlotMs?: number;
  /** Backoff of a document whose event failed (kept in memory: only the lease holder drains). */
  backoff?: BackoffOptions;
}

interface PendingDocument {
  _id: unknown;
  [OUTBOX_FIELD]?: EventEnvelope[];
}

interface Retry {
  id: unknown;
  attempts: number;
  dueAt: number;
  lastError: string;
}

/**
 * Drains the events kept inside the documents of one collection (see withOutbox). One instance
 * at a time holds the source's lease; it publishes each document's events in array order and
 * then removes exactly those events, so events pushed meanwhile stay for the next drain.
 */
export class MongoOutboxSource implements OutboxSource {
  readonly name: string;
  private readonly collection: Collection<Document>;
  private readonly lease: MongoRelayLease;
  private readonly backoff: BackoffOptions;
  private readonly retries = new Map<string, Retry>();

  constructor(db: Db, collection: string, options: MongoOutboxSourceOptions = {}) {
    this.name = `mongo:${db.databaseName}.${collection}`;
    this.collection = db.collection(collection);
    this.lease = new MongoRelayLease(db, this.name, options.leaseSlotMs);
    this.backoff = options.backoff ?? { initialMs: 500, maxMs: 10_000 };
  }

  get retrying(): ReadonlyMap<string, Readonly<Retry>> {
    return this.retries;
  }

  async start(): Promise<void> {
    await this.collection.createIndex({ [OUTBOX_PENDING_FIELD]: 1 }, { name: 'outbox_pending' });
  }

  async stop(): Promise<void> {
    await this.lease.release();
  }

  async drain(limit: number, publish: PublishBatch): Promise<DrainResult> {
    if (!(await this.lease.acquire())) return { published: 0, failed: false, full: false };
    const now = Date.now();
    const waiting = [...this.retries.values()].filter((retry) => retry.dueAt > now).map((retry) => retry.id);
    const documents = (await this.collection
      .find(
        { [OUTBOX_PENDING_FIELD]: true, ...(waiting.length > 0 ? { _id: { $nin: waiting } } : {}) } as Document,
        { projection: { [OUTBOX_FIELD]: 1 } },
      )
      .limit(limit)
      .toArray()) as PendingDocument[];

    const events = documents.flatMap((document) => document[OUTBOX_FIELD] ?? []);
    const outcome = events.length > 0 ? await publish(events) : { published: 0, failed: 0 };

    let offset = 0;
    let published = 0;
    let failedDocument = false;
    for (const document of documents) {
      const own = document[OUTBOX_FIELD] ?? [];
      const done = own.slice(0, Math.max(0, Math.min(own.length, outcome.published - offset)));
      const failedHere = offset + own.length > outcome.published && offset < outcome.published + outcome.failed;
      offset += own.length;
      if (done.length === own.length) {
        await this.removeAll(document._id, own);
        this.retries.delete(String(document._id));
      } else if (done.length > 0) {
        await this.remove(document._id, done);
      }
      published += done.length;
      if (failedHere) {
        failedDocument = true;
        this.recordFailure(document._id, outcome.error);
      }
    }
    return {
      published,
      failed: failedDocument,
      error: failedDocument ? outcome.error : undefined,
      full: documents.length >= limit,
    };
  }

  async stats(): Promise<OutboxStats> {
    const [pending] = await this.collection
      .aggregate<{ n: number }>([
        { $match: { [OUTBOX_PENDING_FIELD]: true } },
        { $unwind: `$${OUTBOX_FIELD}` },
        { $count: 'n' },
      ])
      .toArray();
    // Inclusion projection only: FerretDB 1.24 has no field-path expressions in $project.
    const [oldest] = await this.collection
      .aggregate<{ [OUTBOX_FIELD]: { occurredAt: string } }>([
        { $match: { [OUTBOX_PENDING_FIELD]: true } },
        { $unwind: `$${OUTBOX_FIELD}` },
        { $sort: { [`${OUTBOX_FIELD}.occurredAt`]: 1 } },
        { $limit: 1 },
        { $project: { _id: 0, [`${OUTBOX_FIELD}.occurredAt`]: 1 } },
      ])
      .toArray();
    const age = oldest ? (Date.now() - Date.parse(oldest[OUTBOX_FIELD].occurredAt)) / 1000 : 0;
    return { pending: pending?.n ?? 0, oldestAgeSeconds: Math.max(0, age) };
  }

  /**
   * All of the document's events went out. One write when nothing was pushed meanwhile (the
   * array still has the length we read): remove them and clear the pending flag together.
   * Otherwise remove only ours; the flag stays for the newer events.
   */
  private async removeAll(id: unknown, events: EventEnvelope[]): Promise<void> {
    const cleared = await this.collection.updateOne(
      { _id: id, [OUTBOX_FIELD]: { $size: events.length } } as Document,
      { $pullAll: { [OUTBOX_FIELD]: events }, $unset: { [OUTBOX_PENDING_FIELD]: '' } } as Document,
    );
    if (cleared.matchedCount === 0 && events.length > 0) await this.remove(id, events);
  }

  // $pullAll with the elements exactly as read: FerretDB 1.24 ignores $pull conditions such
  // as { id: { $in: [...] } } (the update matches and silently changes nothing).
  private async remove(id: unknown, events: EventEnvelope[]): Promise<void> {
    await this.collection.updateOne({ _id: id } as Document, { $pullAll: { [OUTBOX_FIELD]: events } } as Document);
  }

  private recordFailure(id: unknown, error: unknown): void {
    const key = String(id);
    const attempts = (this.retries.get(key)?.attempts ?? 0) + 1;
    this.retries.set(key, {
      id,
      attempts,
      dueAt: Date.now() + backoffDelay(attempts, this.backoff),
      lastError: errorMessage(error),
    });
  }
}
