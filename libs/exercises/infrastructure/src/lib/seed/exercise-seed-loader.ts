import { createHash } from 'node:crypto';
import type { Model } from 'mongoose';
import type { Exercise } from '@tall/exercises/domain';
import type { AuthoredExerciseDocument } from '../persistence/exercises-models';

const DUPLICATE_KEY = 11000;

export interface SeedLoadReport {
  created: number;
  updated: number;
  /** Edited by an admin since: the seed leaves them alone. */
  keptEdits: number;
  unchanged: number;
}

/**
 * Loads the seed exercises idempotently, as the reader loads its library: an exercise is keyed by
 * its slug and keeps the hash of the seed it came from; a new one is inserted, a changed one
 * updated (its version goes up), an unchanged one left alone; one an admin edited (`editedAt`) is
 * never overwritten. Several instances may load at once: the loser of an insert or an update
 * finds the winner's write and skips.
 */
export async function loadSeedExercises(exercises: Model<AuthoredExerciseDocument>, seed: ReadonlyArray<{ exercise: Exercise }>, now = new Date()): Promise<SeedLoadReport> {
  const report: SeedLoadReport = { created: 0, updated: 0, keptEdits: 0, unchanged: 0 };
  const existing = new Map(
    (await exercises.find({}, { _id: 1, seedHash: 1, editedAt: 1, version: 1 }).lean<Array<Pick<AuthoredExerciseDocument, '_id' | 'seedHash' | 'editedAt' | 'version'>>>()).map(
      (document) => [document._id, document],
    ),
  );
  for (const { exercise } of seed) {
    const seedHash = createHash('sha256').update(JSON.stringify(exercise)).digest('hex');
    const fields = { type: exercise.type, level: exercise.level, topic: exercise.topic, title: exercise.title, exercise, status: 'published' as const, seedHash, updatedAt: now };
    const stored = existing.get(exercise.id);
    if (!stored) {
      try {
        await exercises.insertOne({ _id: exercise.id, ...fields, version: 1, editedAt: null, createdAt: now });
        report.created++;
      } catch (error) {
        if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
        report.unchanged++;
      }
      continue;
    }
    if (stored.editedAt) {
      if (stored.seedHash === seedHash) report.unchanged++;
      else report.keptEdits++;
      continue;
    }
    if (stored.seedHash === seedHash) {
      report.unchanged++;
      continue;
    }
    const result = await exercises.updateOne({ _id: exercise.id, version: stored.version, editedAt: null }, { $set: { ...fields, version: stored.version + 1 } });
    if (result.matchedCount === 1) report.updated++;
    else report.unchanged++;
  }
  return report;
}
