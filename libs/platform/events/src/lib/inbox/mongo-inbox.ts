import { MongoServerError, type Collection, type Document, type Filter, type UpdateFilter } from 'mongodb';

/** Keys of the events already applied to this document, `{ k: '<handler>:<event id>', at }`. */
export const INBOX_FIELD = '_inbox';

export interface InboxEntry {
  k: string;
  at: Date;
}

export interface ApplyOnceOptions {
  eventId: string;
  handler: string;
  /** Create the document when missing; the filter must then pin `_id`. */
  upsert?: boolean;
}

export function inboxKey(handler: string, eventId: string): string {
  return `${handler}:${eventId}`;
}

/**
 * Applies a handler's single-document update at most once per event: the update only matches
 * while `_inbox` lacks the event's key, and pushes the key in the same atomic write.
 * True when applied now; false when already applied (or, without upsert, no document matched).
 */
export async function applyOnce<T extends Document>(
  collection: Collection<T>,
  filter: Filter<T>,
  update: UpdateFilter<T>,
  { eventId, handler, upsert = false }: ApplyOnceOptions,
): Promise<boolean> {
  const key = inboxKey(handler, eventId);
  const guarded = guardedFilter(filter, key, upsert);
  try {
    const result = await collection.updateOne(guarded, withInboxEntry(update, { k: key, at: new Date() }), { upsert });
    return result.matchedCount + result.upsertedCount > 0;
  } catch (error) {
    // Already applied: the guard did not match, so the upsert tried to insert the same _id again.
    if (upsert && error instanceof MongoServerError && error.code === 11000) {
      const applied = await collection.countDocuments({ ...filter, [`${INBOX_FIELD}.k`]: key } as Filter<T>, { limit: 1 });
      if (applied > 0) return false;
    }
    throw error;
  }
}

/**
 * Removes inbox entries older than `olderThan`, so `_inbox` stays bounded. Keep entries longer
 * than any event can be redelivered: a forgotten event delivered again is applied again.
 * Returns how many entries were removed.
 */
export async function trimInbox<T extends Document>(
  collection: Collection<T>,
  olderThan: Date,
  { batchSize = 500 }: { batchSize?: number } = {},
): Promise<number> {
  const documents = collection as unknown as Collection<Document>;
  let removed = 0;
  let after: unknown;
  for (;;) {
    const page = await documents
      .find(
        { [`${INBOX_FIELD}.at`]: { $lt: olderThan }, ...(after === undefined ? {} : { _id: { $gt: after } }) } as Document,
        { projection: { [INBOX_FIELD]: 1 } },
      )
      .sort({ _id: 1 })
      .limit(batchSize)
      .toArray();
    for (const document of page) {
      const old = ((document[INBOX_FIELD] ?? []) as InboxEntry[]).filter((entry) => entry.at < olderThan);
      if (old.length === 0) continue;
      // $pullAll of the exact entries: FerretDB 1.24 ignores conditions in $pull.
      const result = await documents.updateOne({ _id: document['_id'] }, { $pullAll: { [INBOX_FIELD]: old } } as Document);
      if (result.modifiedCount > 0) removed += old.length;
    }
    if (page.length < batchSize) return removed;
    after = page[page.length - 1]['_id'];
  }
}

function guardedFilter<T extends Document>(filter: Filter<T>, key: string, upsert: boolean): Filter<T> {
  const path = `${INBOX_FIELD}.k`;
  if (Object.keys(filter).some((field) => field === INBOX_FIELD || field.startsWith(`${INBOX_FIELD}.`))) {
    throw new Error(`applyOnce: the filter may not test ${INBOX_FIELD}`);
  }
  // Without a pinned _id, an already-applied document would not match and the upsert would
  // insert a second one.
  if (upsert && !('_id' in filter)) throw new Error('applyOnce: an upsert needs the filter to pin _id');
  // Top-level, not inside $and: FerretDB 1.24 takes upserted fields only from top-level equalities.
  // `$nor` of an equality, not `$ne`: on FerretDB 1.24, `{ '_inbox.k': { $ne: key } }` (and $nin,
  // $not/$elemMatch) matches as soon as ANY entry differs, so a document with two entries would
  // apply an event again; the equality inside $nor matches as on MongoDB.
  const existing = (filter as { $nor?: unknown[] }).$nor ?? [];
  return { ...filter, $nor: [...existing, { [path]: key }] } as Filter<T>;
}

function withInboxEntry<T extends Document>(update: UpdateFilter<T>, entry: InboxEntry): UpdateFilter<T> {
  if (Array.isArray(update)) throw new Error('applyOnce: aggregation pipeline updates are not supported');
  for (const operator of Object.keys(update)) {
    if (!operator.startsWith('$')) throw new Error(`applyOnce: "${operator}" is not an update operator`);
    const fields = Object.keys((update as Record<string, Record<string, unknown>>)[operator] ?? {});
    const touched = fields.find((field) => field === INBOX_FIELD || field.startsWith(`${INBOX_FIELD}.`));
    if (touched) throw new Error(`applyOnce: the update may not touch ${touched}`);
  }
  const current = update as Record<string, Record<string, unknown> | undefined>;
  return { ...update, $push: { ...current['$push'], [INBOX_FIELD]: entry } } as unknown as UpdateFilter<T>;
}
