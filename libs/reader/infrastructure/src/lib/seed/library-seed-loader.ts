import { createHash } from 'node:crypto';
import type { Model } from 'mongoose';
import { createEvent } from '@tall/platform/event-contracts';
import { documentWithOutbox, withOutbox } from '@tall/platform/events';
import { ReaderContentChanged } from '@tall/reader/contracts';
import { seedTextWords, type SeedText } from '@tall/reader/domain';
import type { LibraryTextDocument } from '../persistence/reader-models';

const DUPLICATE_KEY = 11000;

export interface SeedLoadReport {
  created: number;
  updated: number;
  /** Edited by an admin since: the seed leaves them alone. */
  keptEdits: number;
  unchanged: number;
}

/**
 * Loads the seed library idempotently. A text is keyed by its slug and keeps the hash of the
 * seed it came from: a new seed text is inserted, a changed one updated (its version goes up),
 * an unchanged one left alone; a text an admin edited (`editedAt`) is never overwritten. Each
 * insert or update carries `reader.content.changed` in the same write. Several instances may
 * load at once: the loser of an insert or an update finds the winner's write and skips.
 */
export async function loadSeedLibrary(texts: Model<LibraryTextDocument>, seed: ReadonlyArray<{ text: SeedText }>, now = new Date()): Promise<SeedLoadReport> {
  const report: SeedLoadReport = { created: 0, updated: 0, keptEdits: 0, unchanged: 0 };
  const existing = new Map(
    (await texts.find({}, { _id: 1, seedHash: 1, editedAt: 1, version: 1 }).lean<Array<Pick<LibraryTextDocument, '_id' | 'seedHash' | 'editedAt' | 'version'>>>()).map((document) => [
      document._id,
      document,
    ]),
  );
  for (const { text } of seed) {
    const seedHash = createHash('sha256').update(JSON.stringify(text)).digest('hex');
    const fields = {
      title: text.title,
      level: text.level,
      topic: text.topic,
      source: text.source ?? 'library',
      language: text.language,
      credit: text.credit,
      sections: [{ title: null, body: text.body }],
      test: text.test ?? null,
      status: 'published' as const,
      wordCount: seedTextWords(text.body).length,
      seedHash,
      updatedAt: now,
    };
    const stored = existing.get(text.slug);
    if (!stored) {
      const event = createEvent(ReaderContentChanged, { textId: text.slug, version: 1, change: 'created', at: now.toISOString() }, { key: text.slug, correlationId: `seed:${seedHash.slice(0, 16)}`, occurredAt: now });
      try {
        await texts.insertOne(documentWithOutbox({ _id: text.slug, ...fields, version: 1, editedAt: null, createdAt: now }, [event]));
        report.created++;
      } catch (error) {
        if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
        report.unchanged++;
      }
      continue;
    }
    if (stored.editedAt) {
      report.keptEdits += stored.seedHash === seedHash ? 0 : 1;
      report.unchanged += stored.seedHash === seedHash ? 1 : 0;
      continue;
    }
    if (stored.seedHash === seedHash) {
      report.unchanged++;
      continue;
    }
    const version = stored.version + 1;
    const event = createEvent(ReaderContentChanged, { textId: text.slug, version, change: 'updated', at: now.toISOString() }, { key: text.slug, correlationId: `seed:${seedHash.slice(0, 16)}`, occurredAt: now });
    const result = await texts.updateOne(
      { _id: text.slug, version: stored.version, editedAt: null },
      withOutbox<LibraryTextDocument>({ $set: { ...fields, version } }, [event]),
    );
    if (result.matchedCount === 1) report.updated++;
    else report.unchanged++;
  }
  return report;
}
