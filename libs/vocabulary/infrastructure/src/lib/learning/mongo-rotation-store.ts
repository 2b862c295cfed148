import { MongoBulkWriteError, MongoServerError, type Collection, type Db } from 'mongodb';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import { documentWithOutbox, withOutbox, type OutboxFields } from '@tall/platform/events';
import type { RotationRecord, RotationStatus, RotationStore, RotationStudent, StudentRotation } from '@tall/vocabulary/application';
import { LEARNING_COLLECTIONS, type StudentDocument } from './mongo-learning-store';

interface RotationDocument extends OutboxFields {
  _id: string;
  status: RotationStatus;
  trigger: string;
  requestedAt: Date;
  correlationId: string;
  causationId: string | null;
  holder: string | null;
  leaseUntil: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  students: number;
  cards: number;
}

/** A student's active set for one week: inserted once per (week, student). */
export interface StudentWeekDocument {
  /** `<week>:<userId>`: the unique id makes a second rotation of the week insert nothing. */
  _id: string;
  userId: string;
  week: string;
  activeCohorts: string[];
  activeCards: number;
  newCohortCards: number;
  rotatedAt: Date;
}

/** The `learning.week.rotated` events of up to EVENTS_PER_DOCUMENT consecutive students. */
interface WeekEventsDocument extends OutboxFields {
  /** `<week>:<first student's id>`: the same students in the same order (a rerun) insert nothing. */
  _id: string;
  week: string;
  createdAt: Date;
}

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
  readonly rotations: Collection<RotationDocument>;
  readonly weeks: Collection<StudentWeekDocument>;
  readonly weekEvents: Collection<WeekEventsDocument>;
  private readonly studentDocuments: Collection<StudentDocument>;

  constructor(db: Db) {
    this.rotations = db.collection<RotationDocument>(LEARNING_COLLECTIONS.rotations);
    this.weeks = db.collection<StudentWeekDocument>(LEARNING_COLLECTIONS.weeks);
    this.weekEvents = db.collection<WeekEventsDocument>(LEARNING_COLLECTIONS.weekEvents);
    this.studentDocuments = db.collection<StudentDocument>(LEARNING_COLLECTIONS.students);
  }

  async ensureIndexes(): Promise<void> {
    await Promise.all([
      this.rotations.createIndex({ status: 1 }, { name: 'status' }),
      this.weeks.createIndex({ week: 1 }, { name: 'week' }),
      this.weeks.createIndex({ userId: 1 }, { name: 'user' }),
      this.weekEvents.createIndex({ week: 1 }, { name: 'week' }),
    ]);
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
      if (error instanceof MongoServerError && error.code === 11000) return false;
      throw error;
    }
  }

  async week(week: string): Promise<RotationRecord | null> {
    const document = await this.rotations.findOne({ _id: week }, { projection: { _outbox: 0 } });
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
    const [latest] = await this.rotations.find({ status: 'completed' }, { projection: { _id: 1 } }).sort({ _id: -1 }).limit(1).toArray();
    return latest?._id ?? null;
  }

  async unfinishedWeeks(): Promise<string[]> {
    const documents = await this.rotations.find({ status: { $in: UNFINISHED } }, { projection: { _id: 1 } }).sort({ _id: 1 }).toArray();
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
    const cursor = this.studentDocuments.find({ erased: { $ne: true } }, { projection: { cohorts: 1 }, batchSize: pageSize }).sort({ _id: 1 });
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
async function insertNew<T extends { _id: string }>(collection: Collection<T>, documents: T[]): Promise<number> {
  try {
    return (await collection.insertMany(documents as never, { ordered: false })).insertedCount;
  } catch (error) {
    // Some were written by an earlier run of this week: they stay as they are.
    if (error instanceof MongoBulkWriteError && onlyDuplicates(error)) return error.insertedCount;
    throw error;
  }
}

function onlyDuplicates(error: MongoBulkWriteError): boolean {
  const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  return writeErrors.length > 0 && writeErrors.every((writeError) => writeError.code === 11000);
}
