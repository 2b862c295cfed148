import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ReviewBatchItem, ReviewBatchResult } from '@tall/client/api';

/** The most reviews one batch may carry (the API's MAX_BATCH_REVIEWS). */
export const BATCH_LIMIT = 500;

export interface QueuedReview {
  reviewId: string;
  userId: string;
  item: ReviewBatchItem;
}

interface OutboxSchema extends DBSchema {
  reviews: { key: string; value: QueuedReview; indexes: { byUser: string } };
}

export interface FlushResult {
  sent: number;
  /** Refused by the API for good (e.g. a word removed meanwhile): dropped, not retried. */
  rejected: number;
}

/**
 * Reviews answered while offline, kept in IndexedDB until `POST /api/v1/vocabulary/reviews/batch`
 * takes them. Each review carries its own id, so sending one twice (a batch whose answer was lost)
 * is harmless: the API reports it as a duplicate.
 */
export class ReviewOutbox {
  private database: Promise<IDBPDatabase<OutboxSchema>> | null = null;

  constructor(
    private readonly send: (reviews: ReviewBatchItem[]) => Promise<ReviewBatchResult>,
    private readonly name = 'tall-offline',
  ) {}

  async add(userId: string, item: ReviewBatchItem): Promise<void> {
    await (await this.db()).put('reviews', { reviewId: item.reviewId, userId, item });
  }

  async count(userId: string): Promise<number> {
    return (await this.db()).countFromIndex('reviews', 'byUser', userId);
  }

  async pending(userId: string): Promise<QueuedReview[]> {
    return (await this.db()).getAllFromIndex('reviews', 'byUser', userId);
  }

  /** Sends the user's queued reviews in answer order, in batches; a network failure keeps the rest for later. */
  async flush(userId: string): Promise<FlushResult> {
    const queued = (await this.pending(userId)).sort((a, b) => a.item.answeredAt.localeCompare(b.item.answeredAt));
    const result: FlushResult = { sent: 0, rejected: 0 };
    for (let start = 0; start < queued.length; start += BATCH_LIMIT) {
      const batch = queued.slice(start, start + BATCH_LIMIT);
      const answer = await this.send(batch.map((review) => review.item));
      const settled = new Set<string>();
      for (const outcome of answer.results) {
        settled.add(outcome.reviewId);
        if (outcome.status === 'rejected') result.rejected += 1;
        else result.sent += 1;
      }
      const db = await this.db();
      const transaction = db.transaction('reviews', 'readwrite');
      await Promise.all([...settled].map((reviewId) => transaction.store.delete(reviewId)));
      await transaction.done;
    }
    return result;
  }

  /** Forgets a user's queue (their account was erased). */
  async clear(userId: string): Promise<void> {
    const db = await this.db();
    const keys = await db.getAllKeysFromIndex('reviews', 'byUser', userId);
    const transaction = db.transaction('reviews', 'readwrite');
    await Promise.all(keys.map((key) => transaction.store.delete(key)));
    await transaction.done;
  }

  private db(): Promise<IDBPDatabase<OutboxSchema>> {
    this.database ??= openDB<OutboxSchema>(this.name, 1, {
      upgrade(db) {
        db.createObjectStore('reviews', { keyPath: 'reviewId' }).createIndex('byUser', 'userId');
      },
    });
    return this.database;
  }
}
