import { MongoServerError, type AnyBulkWriteOperation, type Collection, type Db } from 'mongodb';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import { withOutbox, type OutboxFields } from '@tall/platform/events';
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

const UNFINISHED: RotationStatus[] = ['pending', 'running'];

/**
 * The weekly rotation on MongoDB: one document per ISO week (request, lease, totals and the
 * completion event), and the students' documents. Week keys compare as strings in calendar
 * order (`2026-W09` < `2026-W10` < `2027-W01`), which the "not yet rotated" guard relies on.
 */
export class MongoRotationStore implements RotationStore {
  readonly rotations: Collection<RotationDocument>;
  private readonly students: Collection<StudentDocument>;

  constructor(db: Db) {
    this.rotations = db.collection<RotationDocument>(LEARNING_COLLECTIONS.rotations);
    this.students = db.collection<StudentDocument>(LEARNING_COLLECTIONS.students);
  }

  async ensureIndexes(): Promise<void> {
    await this.rotations.createIndex({ status: 1 }, { name: 'status' });
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

  async studentsToRotate(week: string, afterUserId: string | null, limit: number): Promise<RotationStudent[]> {
    const documents = await this.students
      .find(
        { activeWeek: { $lt: week }, erased: { $ne: true }, ...(afterUserId === null ? {} : { _id: { $gt: afterUserId } }) },
        { projection: { cohorts: 1 } },
      )
      .sort({ _id: 1 })
      .limit(limit)
      .toArray();
    return documents.map((document) => ({ userId: document._id, cohorts: document.cohorts ?? {} }));
  }

  async applyRotations(week: string, rotations: readonly StudentRotation[], at: Date): Promise<number> {
    if (rotations.length === 0) return 0;
    const operations: AnyBulkWriteOperation<StudentDocument>[] = rotations.map(({ userId, rotation, event }) => ({
      updateOne: {
        // Only a student not yet rotated into this week (or a later one): a rerun writes nothing.
        filter: { _id: userId, activeWeek: { $lt: week } },
        update: withOutbox<StudentDocument>(
          {
            $set: {
              activeWeek: week,
              activeCohorts: rotation.activeCohorts,
              activeCards: rotation.activeCards,
              newCohortCards: rotation.newCohortCards,
              rotatedAt: at,
            },
          },
          [event],
        ),
      },
    }));
    const result = await this.students.bulkWrite(operations, { ordered: false });
    return result.modifiedCount;
  }

  async rotatedTotals(week: string): Promise<{ students: number; cards: number }> {
    // Summed here: FerretDB 1.24 cannot $sum a field in $group.
    let students = 0;
    let cards = 0;
    for await (const document of this.students.find({ activeWeek: week }, { projection: { activeCards: 1 } })) {
      students += 1;
      cards += document.activeCards ?? 0;
    }
    return { students, cards };
  }

  async completeWeek(week: string, holder: string, totals: { students: number; cards: number }, at: Date, event: EventEnvelope): Promise<boolean> {
    const result = await this.rotations.updateOne(
      { _id: week, status: { $in: UNFINISHED }, holder },
      withOutbox<RotationDocument>({ $set: { status: 'completed', completedAt: at, students: totals.students, cards: totals.cards, holder: null } }, [event]),
    );
    return result.matchedCount === 1;
  }
}
