import type { AnyBulkWriteOperation, Collection, Db, Document } from 'mongodb';
import { errorMessage } from '../events-logger';
import {
  OUTBOX_ENTRY_SEQ,
  OUTBOX_FIELD,
  OUTBOX_PENDING_FIELD,
  OUTBOX_SEQ_FIELD,
  publishedEnvelope,
  type StoredEnvelope,
} from '../outbox/mongo-outbox';
import { MongoRelayLease } from './mongo-relay-lease';
import type { DrainResult, OutboxSource, OutboxStats, PublishBatch } from './outbox-source';

export interface MongoOutboxSourceOptions {
  /** Slot length of the relay lease (see MongoRelayLease). */
  leaseSlotMs?: number;
}

interface PendingDocument {
  _id: unknown;
  [OUTBOX_FIELD]?: StoredEnvelope[];
  [OUTBOX_SEQ_FIELD]?: number;
}

/** A document whose event failed to go out; the relay backs off the whole source (see drain). */
interface Retry {
  attempts: number;
  lastError: string;
}

/** What one drain takes from one document: a prefix of its outbox. */
interface Take {
  document: PendingDocument;
  events: StoredEnvelope[];
}

/** Bulk writes of one drain's removals that run side by side. */
const REMOVAL_LANES = 4;

/** Documents written before the relay sequence existed sort first. */
const seqOf = (entry: StoredEnvelope): number => entry[OUTBOX_ENTRY_SEQ] ?? 0;

/**
 * Drains the events kept inside the documents of one collection (see withOutbox). One instance
 * at a time holds the source's lease.
 *
 * Order: events of one key may sit in many documents (a student's cards), so a drain reads the
 * pending documents in the order of their oldest event (`_outboxSeq`, a lower bound kept with
 * `$min`) and publishes the events of all of them merged by sequence. When the batch is full,
 * a document it did not read may hold an event as old as the last one read, so only events up
 * to that document's `_outboxSeq` go out; the rest wait for the next drain. Within a document,
 * array order is kept.
 *
 * Removal: one bulk write per drain. A fully drained document is emptied only if its outbox
 * still has the length read; otherwise exactly the published elements are pulled, so events
 * pushed meanwhile stay.
 */
export class MongoOutboxSource implements OutboxSource {
  readonly name: string;
  private readonly collection: Collection<Document>;
  private readonly lease: MongoRelayLease;
  private readonly retries = new Map<string, Retry>();
  /** What the last drain saw, so the gauges rarely need a query of their own. */
  private seen?: { at: number; complete: boolean; stats: OutboxStats };
  private counted = 0;

  constructor(db: Db, collection: string, options: MongoOutboxSourceOptions = {}) {
    this.name = `mongo:${db.databaseName}.${collection}`;
    this.collection = db.collection(collection);
    this.lease = new MongoRelayLease(db, this.name, options.leaseSlotMs);
  }

  get retrying(): ReadonlyMap<string, Readonly<Retry>> {
    return this.retries;
  }

  async start(): Promise<void> {
    // MongoDB serves the drain from this index alone; FerretDB's PostgreSQL backend uses the
    // GIN index it adds on the pending flag and sorts the (few) pending documents itself.
    await this.collection.createIndex({ [OUTBOX_PENDING_FIELD]: 1, [OUTBOX_SEQ_FIELD]: 1 }, { name: 'outbox_pending_seq' });
  }

  async stop(): Promise<void> {
    await this.lease.release();
  }

  async drain(limit: number, publish: PublishBatch): Promise<DrainResult> {
    if (!(await this.lease.acquire())) return { published: 0, failed: false, full: false };
    // A failed document is not skipped: a later document may hold a later event of its key.
    // The relay backs the whole source off instead, and a consumer that keeps failing parks
    // the event (ADR 13), so the source moves on in order.
    const documents = (await this.collection
      .find({ [OUTBOX_PENDING_FIELD]: true } as Document, {
        projection: { [OUTBOX_FIELD]: 1, [OUTBOX_SEQ_FIELD]: 1 },
      })
      .sort({ [OUTBOX_SEQ_FIELD]: 1, _id: 1 })
      .limit(limit)
      .toArray()) as PendingDocument[];
    if (documents.length === 0) {
      this.remember([], true);
      return { published: 0, failed: false, full: false };
    }

    const full = documents.length >= limit;
    const cutoff = full ? (documents[documents.length - 1][OUTBOX_SEQ_FIELD] ?? 0) : Number.POSITIVE_INFINITY;
    const takes = documents.map((document): Take => ({ document, events: takeUpTo(document[OUTBOX_FIELD] ?? [], cutoff) }));
    // Progress before order: a sequence bound can only be too low after a clock step back.
    if (takes.every((take) => take.events.length === 0)) takes[0].events = takes[0].document[OUTBOX_FIELD] ?? [];
    const order = mergeBySeq(takes);
    const outcome = order.length > 0 ? await publish(order.map(({ entry }) => publishedEnvelope(entry))) : { published: 0, failed: 0 };

    // Per document: the events that went out (always a prefix of what it contributed, since
    // the merge keeps each document's order), and whether its first unpublished one failed.
    const done = new Map<Take, number>();
    const failedTakes = new Set<Take>();
    order.forEach(({ take }, index) => {
      if (index < outcome.published) done.set(take, (done.get(take) ?? 0) + 1);
      else if (index < outcome.published + outcome.failed) failedTakes.add(take);
    });
    await this.remove(takes, done);
    const left = takes.map((take) => ({ ...take.document, [OUTBOX_FIELD]: (take.document[OUTBOX_FIELD] ?? []).slice(done.get(take) ?? 0) }));
    takes.forEach((take) => {
      if (failedTakes.has(take)) this.recordFailure(take.document._id, outcome.error);
      else if ((done.get(take) ?? 0) === (take.document[OUTBOX_FIELD] ?? []).length) this.retries.delete(String(take.document._id));
    });
    // What is left of what was read: every pending event, unless the batch was full.
    this.remember(left, !full);
    return {
      published: outcome.published,
      failed: failedTakes.size > 0,
      error: failedTakes.size > 0 ? outcome.error : undefined,
      full,
    };
  }

  /**
   * Pending events and the age of the oldest, for the gauges (refreshed on the relay's stats
   * interval; `/metrics` only reads them). A drain reads the pending documents anyway: when
   * the last one (within 10 s) read all of them, its figures are exact and no query is made.
   * During a backlog larger than a batch, or on an instance without the lease, the pending
   * documents are counted, at most once a minute; in between the last count is reported.
   */
  async stats(now = Date.now()): Promise<OutboxStats> {
    if (this.seen?.complete && now - this.seen.at < 10_000) return this.aged(this.seen.stats, this.seen.at, now);
    if (this.seen && now - this.counted < 60_000) return this.aged(this.seen.stats, this.seen.at, now);
    this.counted = now;
    const documents = (await this.collection
      .find({ [OUTBOX_PENDING_FIELD]: true } as Document, { projection: { [OUTBOX_FIELD]: 1, [OUTBOX_SEQ_FIELD]: 1 } })
      .toArray()) as PendingDocument[];
    return this.remember(documents, true, now);
  }

  private remember(documents: PendingDocument[], complete: boolean, now = Date.now()): OutboxStats {
    let pending = 0;
    let oldest = Number.POSITIVE_INFINITY;
    for (const document of documents) {
      for (const entry of document[OUTBOX_FIELD] ?? []) {
        pending++;
        oldest = Math.min(oldest, Date.parse(entry.occurredAt));
      }
    }
    // A partial read still holds the oldest events (documents come in sequence order).
    const oldestAgeSeconds = pending > 0 ? Math.max(0, (now - oldest) / 1000) : 0;
    const stats = { pending: complete ? pending : Math.max(pending, this.seen?.stats.pending ?? 0), oldestAgeSeconds };
    this.seen = { at: now, complete, stats };
    return stats;
  }

  /** Figures taken at `at`, the oldest event's age moved on to `now`. */
  private aged(stats: OutboxStats, at: number, now: number): OutboxStats {
    return stats.pending > 0 ? { ...stats, oldestAgeSeconds: stats.oldestAgeSeconds + (now - at) / 1000 } : stats;
  }

  /**
   * One bulk write for the drain. A document whose events all went out, and that still has the
   * length we read, loses its events and its pending flag in one step; otherwise only the
   * published elements are pulled, and its sequence bound moves up to its first remaining event.
   */
  private async remove(takes: Take[], done: Map<Take, number>): Promise<void> {
    const operations: AnyBulkWriteOperation<Document>[] = [];
    const drained: Take[] = [];
    for (const take of takes) {
      const count = done.get(take) ?? 0;
      if (count === 0) continue;
      const own = take.document[OUTBOX_FIELD] ?? [];
      if (count === own.length) {
        // Writers only append and only the lease holder removes: an unchanged length is an
        // unchanged outbox, so events and flags go in one step.
        drained.push(take);
        operations.push({
          updateOne: {
            filter: { _id: take.document._id, [OUTBOX_FIELD]: { $size: own.length } } as Document,
            update: { $set: { [OUTBOX_FIELD]: [] }, $unset: { [OUTBOX_PENDING_FIELD]: '', [OUTBOX_SEQ_FIELD]: '' } } as Document,
          },
        });
      } else {
        operations.push(pullOperation(take.document._id, own.slice(0, count), seqOf(own[count])));
      }
    }
    if (operations.length === 0) return;
    // An updateMany with one `$or` branch per document was measured 150 times slower on
    // FerretDB (it evaluates `$or` itself, per document and branch): bulk writes instead.
    const matched = await this.bulkWrite(operations);
    if (drained.length === 0 || matched === operations.length) return;
    const changed = await this.pullsOfChanged(drained);
    if (changed.length > 0) await this.bulkWrite(changed);
  }

  /**
   * Every operation names one document, none twice, so they may run in any order: a few bulk
   * writes side by side, which lets a server that writes documents one by one (FerretDB) use
   * more than one connection. Returns the matched count.
   */
  private async bulkWrite(operations: AnyBulkWriteOperation<Document>[]): Promise<number> {
    const lanes = Math.min(REMOVAL_LANES, Math.ceil(operations.length / 50));
    const size = Math.ceil(operations.length / lanes);
    const results = await Promise.all(
      [...Array(lanes).keys()].map((lane) => this.collection.bulkWrite(operations.slice(lane * size, (lane + 1) * size), { ordered: false })),
    );
    return results.reduce((sum, result) => sum + result.matchedCount, 0);
  }

  /** Drained documents that got new events meanwhile: pull only the published ones from those. */
  private async pullsOfChanged(drained: Take[]): Promise<AnyBulkWriteOperation<Document>[]> {
    const stillPending = await this.collection
      .find({ [OUTBOX_PENDING_FIELD]: true, _id: { $in: drained.map((take) => take.document._id) } } as Document, { projection: { _id: 1 } })
      .toArray();
    const pendingIds = new Set(stillPending.map((document) => String(document._id)));
    return drained
      .filter((take) => pendingIds.has(String(take.document._id)))
      .map((take) => {
        const own = take.document[OUTBOX_FIELD] ?? [];
        return pullOperation(take.document._id, own, seqOf(own[own.length - 1]) + 1);
      });
  }

  private recordFailure(id: unknown, error: unknown): void {
    const key = String(id);
    this.retries.set(key, { attempts: (this.retries.get(key)?.attempts ?? 0) + 1, lastError: errorMessage(error) });
  }
}

// $pullAll with the elements exactly as read: FerretDB 1.24 ignores $pull conditions such
// as { id: { $in: [...] } } (the update matches and silently changes nothing). `$max` raises
// the document's sequence bound to its next event; events pushed meanwhile are newer anyway.
function pullOperation(id: unknown, published: StoredEnvelope[], nextSeq: number): AnyBulkWriteOperation<Document> {
  return {
    updateOne: {
      filter: { _id: id } as Document,
      update: { $pullAll: { [OUTBOX_FIELD]: published }, $max: { [OUTBOX_SEQ_FIELD]: nextSeq } } as Document,
    },
  };
}

/** The document's events up to the cutoff, in array order, stopping at the first later one. */
function takeUpTo(events: StoredEnvelope[], cutoff: number): StoredEnvelope[] {
  const end = events.findIndex((entry) => seqOf(entry) > cutoff);
  return end < 0 ? events : events.slice(0, end);
}

/** All taken events in sequence order, each document's own order kept (a k-way merge). */
function mergeBySeq(takes: Take[]): Array<{ take: Take; entry: StoredEnvelope }> {
  const heads = takes.map(() => 0);
  const merged: Array<{ take: Take; entry: StoredEnvelope }> = [];
  const total = takes.reduce((sum, take) => sum + take.events.length, 0);
  while (merged.length < total) {
    let best = -1;
    for (let index = 0; index < takes.length; index++) {
      const entry = takes[index].events[heads[index]];
      if (entry && (best < 0 || seqOf(entry) < seqOf(takes[best].events[heads[best]]))) best = index;
    }
    merged.push({ take: takes[best], entry: takes[best].events[heads[best]] });
    heads[best]++;
  }
  return merged;
}
