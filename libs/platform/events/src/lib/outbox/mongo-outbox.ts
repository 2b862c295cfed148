import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { Document, UpdateFilter } from 'mongodb';
import { assertEnvelopes } from '../envelope-shape';

/** Events waiting in the changed document itself, published and pulled by the relay. */
export const OUTBOX_FIELD = '_outbox';
/**
 * Set while `_outbox` may hold events, so the relay finds pending documents through a plain
 * index (FerretDB has no partial or sparse indexes to index "non-empty array" directly).
 */
export const OUTBOX_PENDING_FIELD = '_outboxPending';
/**
 * A lower bound of the relay sequence of the document's pending events (`$min` on every push),
 * so the relay takes documents in the order their oldest events were written.
 */
export const OUTBOX_SEQ_FIELD = '_outboxSeq';

/** An outbox entry: the envelope's JSON form and the relay sequence it was written with. */
export type StoredEnvelope = EventEnvelope & { [OUTBOX_ENTRY_SEQ]?: number };
/** Property of each stored envelope holding its sequence; removed before it is published. */
export const OUTBOX_ENTRY_SEQ = '_seq';

export interface OutboxFields {
  [OUTBOX_FIELD]?: StoredEnvelope[];
  [OUTBOX_PENDING_FIELD]?: true;
  [OUTBOX_SEQ_FIELD]?: number;
}

let lastSeq = 0;

/**
 * The relay sequence: microseconds since the epoch, strictly increasing within the process
 * (a hybrid clock, still below 2^53). Events of one key written by one instance, in any number
 * of documents, get increasing sequences, and the relay publishes them in that order.
 */
export function nextOutboxSeq(now = Date.now()): number {
  lastSeq = Math.max(now * 1000, lastSeq + 1);
  return lastSeq;
}

/**
 * Adds the events to the context's own update, so the state change and its events are one
 * single-document write (FerretDB has no transactions). Merges with an existing `$push`/`$set`.
 *
 *   await users.updateOne({ _id }, withOutbox({ $set: { name } }, [event]));
 */
export function withOutbox<T extends Document>(update: UpdateFilter<T>, envelopes: readonly EventEnvelope[]): UpdateFilter<T> {
  if (Array.isArray(update)) throw new Error('withOutbox: aggregation pipeline updates cannot carry an outbox');
  const operators = Object.keys(update);
  const replacementKey = operators.find((key) => !key.startsWith('$'));
  if (replacementKey) {
    throw new Error(`withOutbox: "${replacementKey}" is not an update operator; use documentWithOutbox for whole documents`);
  }
  for (const operator of operators) {
    const fields = Object.keys((update as Record<string, Record<string, unknown>>)[operator] ?? {});
    const touched = fields.find(isOutboxPath);
    if (touched) throw new Error(`withOutbox: the update already touches ${touched} (${operator}); only withOutbox may`);
  }
  if (envelopes.length === 0) return update;
  const stored = storedEnvelopes(envelopes);
  const current = update as Record<string, Record<string, unknown> | undefined>;
  return {
    ...update,
    $push: { ...current['$push'], [OUTBOX_FIELD]: { $each: stored } },
    $set: { ...current['$set'], [OUTBOX_PENDING_FIELD]: true },
    $min: { ...current['$min'], [OUTBOX_SEQ_FIELD]: stored[0][OUTBOX_ENTRY_SEQ] },
  } as unknown as UpdateFilter<T>;
}

/** A new document carrying its creation events, for insertOne/insertMany. */
export function documentWithOutbox<T extends Document>(document: T, envelopes: readonly EventEnvelope[]): T & OutboxFields {
  const touched = Object.keys(document).find(isOutboxPath);
  if (touched) throw new Error(`documentWithOutbox: the document already has ${touched}`);
  if (envelopes.length === 0) return { ...document };
  const stored = storedEnvelopes(envelopes);
  return { ...document, [OUTBOX_FIELD]: stored, [OUTBOX_PENDING_FIELD]: true, [OUTBOX_SEQ_FIELD]: stored[0][OUTBOX_ENTRY_SEQ] };
}

/** The envelope as published: the stored JSON form without the relay's sequence. */
export function publishedEnvelope(stored: StoredEnvelope): EventEnvelope {
  if (!(OUTBOX_ENTRY_SEQ in stored)) return stored;
  const { [OUTBOX_ENTRY_SEQ]: _seq, ...envelope } = stored;
  return envelope;
}

function isOutboxPath(path: string): boolean {
  return [OUTBOX_FIELD, OUTBOX_PENDING_FIELD, OUTBOX_SEQ_FIELD].some((field) => path === field || path.startsWith(`${field}.`));
}

// Stored as their JSON form, exactly what Kafka carries, so a handler sees the same envelope
// (no BSON dates, no undefined turned into null) whether it is fed locally or from Kafka.
function storedEnvelopes(envelopes: readonly EventEnvelope[]): StoredEnvelope[] {
  assertEnvelopes(envelopes);
  return envelopes.map((envelope) => ({ ...(JSON.parse(JSON.stringify(envelope)) as EventEnvelope), [OUTBOX_ENTRY_SEQ]: nextOutboxSeq() }));
}
