import type { EventEnvelope } from '@tall/platform/event-contracts';

/** Why an event is parked: its consumer gave up on it, or an earlier event of its key is parked. */
export type ParkReason = 'failed' | 'waiting';

export interface ParkedEvent {
  id: string;
  /** The handler's name (its inbox key), e.g. 'progress.onReviewRecorded'. */
  consumer: string;
  envelope: EventEnvelope;
  reason: ParkReason;
  attempts: number;
  lastError: string | null;
  parkedAt: Date;
}

export interface ParkedEventFilter {
  consumer?: string;
  topic?: string;
  limit: number;
  offset: number;
}

/** Where consumers park events they cannot apply (see EventParking). */
export interface ParkedEventStore {
  /** Idempotent per (consumer, event id): a redelivered event is parked once. */
  park(entry: Omit<ParkedEvent, 'id' | 'parkedAt'>): Promise<void>;
  /** Every (consumer, key) with parked events: later events of those wait behind them. */
  blockedKeys(): Promise<Array<{ consumer: string; key: string }>>;
  /** Oldest first. */
  list(filter: ParkedEventFilter): Promise<{ items: ParkedEvent[]; total: number }>;
  counts(): Promise<Array<{ consumer: string; count: number }>>;
  get(id: string): Promise<ParkedEvent | null>;
  /** The parked events of one consumer and key, oldest first. */
  queue(consumer: string, key: string): Promise<ParkedEvent[]>;
  /** After a failed replay: the event is `failed` again, with one more attempt. */
  recordFailure(id: string, error: string): Promise<void>;
  remove(id: string): Promise<boolean>;
}
