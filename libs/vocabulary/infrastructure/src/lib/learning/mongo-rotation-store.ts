import { MongoBulkWriteError } from 'mongodb';
import type { Model } from 'mongoose';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import { documentWithOutbox, withOutbox } from '@tall/platform/events';
import type { RotationRecord, RotationStatus, RotationStore, RotationStudent, StudentRotation } from '@tall/vocabulary/application';
import type { LearningRotationDocument as RotationDocument } from '../persistence/learning-rotation.schema';
import type { LearningStudentDocument as StudentDocument } from '../persistence/learning-student.schema';
import type { LearningWeekEventsDocument as WeekEventsDocument } from '../persistence/learning-week-events.schema';
import type { LearningWeekDocument as StudentWeekDocument } from '../persistence/learning-week.schema';
import { DUPLICATE_KEY, isDuplicateKey, writeErrorsOf } from '../persistence/write-errors';

const UNFINISHED: RotationStatus[] = ['pending', 'running'];
/**
 * Events per outbox document. The relay drains up to 200 documents at a time into one Kafka
 * batch, which must stay well under the broker's 1 MB per partition; and on FerretDB each
 * drained document costs an update scanning its collection, so 10,000 one-event documents
 * would take the relay many minutes.
 */
export const EVENTS_PER_DOCUMENT = 10;

/**
 * The weekly rotation on MongoDB: one document per ISO week (request, lease, totals and the
 * completion event); the students' `learning.week.rotated` events, ten consecutive students per
 * outbox document (`learning_week_events`); and one document per student and week with the
 * active set (`learning_weeks`). A rotation only inserts, in bulk, and writes no document it
 * reads (per-document updates cost FerretDB a transaction each, about 8 ms here: 10,000 of them
 * would not fit the rotation's minute). Events go first, then the sets: ids derived from the week
 * and the students make a rerun of the same page insert nothing twice, so a run resumed after a
 * crash publishes no event twice unless the students changed in between (then at least once).
 * Week keys compare as strings in calendar order (`2026-W09` < `2026-W10` < `2027-W01`).
 */
export class MongoRotationStore implements RotationStore {
  constructor(
    private readonly rotations: Model<RotationDocument>,
    private readonly weeks: Model<StudentWeekDocument>,
    private readonly weekEvents: Model<WeekEventsDocument>,
    private readonly studentDocuments: Model<StudentDocument>,
  ) {}

  async ensureIndexes(): Promise<void> {
    await Promise.all([this.rotations.createIndexes(), this.weeks.createIndexes(), this.weekEvents.createIndexes()]);
  }

  async requestWeek(week: string, request: { trigger: string; at: Date; correlationId: string; causationId: string | null }): Promise<boolean> {
    try {
      await this.rotations.insertOne({
        _id: week,
        status: 'pending',
        trigger: request.trigger,
        requestedAt: request.at,
        correlationId: request.correlationId,
        causationId: request.causationId,
        holder: null,
        leaseUntil: new Date(0),
        startedAt: null,
        completedAt: null,
        students: 0,
        cards: 0,
      });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async week(week: string): Promise<RotationRecord | null> {
    const document = await this.rotations.findOne({ _id: week }, { _outbox: 0 }).lean<RotationDocument>();
    if (!document) return null;
    return {
      week: document._id,
      status: document.status,
      trigger: document.trigger,
      requestedAt: document.requestedAt,
      correlationId: document.correlationId,
      causationId: document.causationId,
      startedAt: document.startedAt,
      completedAt: document.completedAt,
      students: document.students,
      cards: document.cards,
    };
  }

  async latestCompletedWeek(): Promise<string | null> {
    const [latest] = await this.rotations.find({ status: 'completed' }, { _id: 1 }).sort({ _id: -1 }).limit(1).lean<Array<{ _id: string }>>();
    return latest?._id ?? null;
  }

  async unfinishedWeeks(): Promise<string[]> {
    const documents = await this.rotations.find({ status: { $in: UNFINISHED } }, { _id: 1 }).sort({ _id: 1 }).lean<Array<{ _id: string }>>();
    return documents.map((document) => document._id);
  }

  async markSkipped(week: string, at: Date): Promise<void> {
    await this.rotations.updateOne({ _id: week, status: { $in: UNFINISHED } }, { $set: { status: 'skipped', completedAt: at, holder: null } });
  }

  async claimWeek(week: string, holder: string, at: Date, leaseMs: number): Promise<boolean> {
    const claimed = await this.rotations.updateOne(
      { _id: week, status: { $in: UNFINISHED }, $or: [{ holder }, { leaseUntil: { $lt: at } }] },
      { $set: { status: 'running', holder, leaseUntil: new Date(at.getTime() + leaseMs) } },
    );
    if (claimed.matchedCount === 0) return false;
    await this.rotations.updateOne({ _id: week, startedAt: null }, { $set: { startedAt: at } });
    return true;
  }

  async *students(pageSize: number): AsyncIterable<RotationStudent[]> {
    // One pass with one cursor: FerretDB would scan the collection again for every page query.
    // In id order, so that a rerun meets the students in the same order (see the event documents' ids).
    const cursor = this.studentDocuments
      .find({ erased: { $ne: true } }, { cohorts: 1 })
      .sort({ _id: 1 })
      .batchSize(pageSize)
      .lean<Pick<StudentDocument, '_id' | 'cohorts'>>()
      .cursor();
    try {
      let page: RotationStudent[] = [];
      for await (const document of cursor) {
        page.push({ userId: document._id, cohorts: document.cohorts ?? {} });
        if (page.length >= pageSize) {
          yield page;
          page = [];
        }
      }
      if (page.length > 0) yield page;
    } finally {
      await cursor.close();
    }
  }

  async applyRotations(week: string, rotations: readonly StudentRotation[], at: Date): Promise<number> {
    if (rotations.length === 0) return 0;
    const eventDocuments: WeekEventsDocument[] = [];
    for (let start = 0; start < rotations.length; start += EVENTS_PER_DOCUMENT) {
      const chunk = rotations.slice(start, start + EVENTS_PER_DOCUMENT);
      eventDocuments.push(documentWithOutbox<WeekEventsDocument>({ _id: `${week}:${chunk[0].userId}`, week, createdAt: at }, chunk.map(({ event }) => event)));
    }
    await insertNew(this.weekEvents, eventDocuments);
    const sets = rotations.map(({ userId, rotation }) => ({
      _id: `${week}:${userId}`,
      userId,
      week,
      activeCohorts: rotation.activeCohorts,
      activeCards: rotation.activeCards,
      newCohortCards: rotation.newCohortCards,
      rotatedAt: at,
    }));
    return insertNew(this.weeks, sets);
  }

  /** Deletes the students' active sets of weeks before `before`, and the event documents drained by then. */
  async purgeWeeksBefore(before: string): Promise<number> {
    await this.weekEvents.deleteMany({ week: { $lt: before }, _outboxPending: { $exists: false } });
    return (await this.weeks.deleteMany({ week: { $lt: before } })).deletedCount;
  }

  async completeWeek(week: string, holder: string, totals: { students: number; cards: number }, at: Date, event: EventEnvelope): Promise<boolean> {
    const result = await this.rotations.updateOne(
      { _id: week, status: { $in: UNFINISHED }, holder },
      withOutbox<RotationDocument>({ $set: { status: 'completed', completedAt: at, students: totals.students, cards: totals.cards, holder: null } }, [event]),
    );
    return result.matchedCount === 1;
  }
}

/** Inserts the documents whose ids are new; returns how many were. */
async function insertNew<T extends { _id: string }>(model: Model<T>, documents: T[]): Promise<number> {
  try {
    // lean: a page of students goes to the driver as built, without hydrating a document each.
    return (await model.insertMany(documents, { ordered: false, lean: true, rawResult: true })).insertedCount;
  } catch (error) {
    // Some were written by an earlier run of this week: they stay as they are.
    if (error instanceof MongoBulkWriteError && onlyDuplicates(error)) return error.insertedCount;
    throw error;
  }
}

function onlyDuplicates(error: MongoBulkWriteError): boolean {
  const writeErrors = writeErrorsOf(error);
  return writeErrors.length > 0 && writeErrors.every((writeError) => writeError.code === DUPLICATE_KEY);
}
