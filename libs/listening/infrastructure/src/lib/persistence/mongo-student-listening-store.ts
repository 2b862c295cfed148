import type { Model, UpdateQuery } from 'mongoose';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import { withOutbox } from '@tall/platform/events';
import type { AnswerRecord, DeviceRecord, StudentListeningStore } from '@tall/listening/application';
import type { DevicePublicKey, QuestionKind } from '@tall/listening/contracts';
import type { Viewing } from '@tall/listening/domain';
import type { StoredAnswer, StoredDevice, StudentListeningDocument } from './listening-models';

const DUPLICATE_KEY = 11000;
const NO_OUTBOX = { _outbox: 0, _outboxPending: 0, _outboxSeq: 0 } as const;
/** Video slugs, question ids and device UUIDs: what may stand in a field path here. */
const SAFE_FIELD = /^[a-z0-9][a-z0-9-]{0,63}$/i;

/** By code: mongoose's driver and ours may be different copies of the mongodb package. */
function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === DUPLICATE_KEY;
}

/** A video, question or device id as a field name; anything else is a bug upstream of the store. */
function field(id: string): string {
  if (!SAFE_FIELD.test(id)) throw new Error(`not a listening id: ${JSON.stringify(id.slice(0, 80))}`);
  return id;
}

/**
 * What listening keeps of each student, one document per student (`listening_students`), so a
 * video page reads one document by `_id` (see ADR 16 on FerretDB and `$in`). Every event is
 * written inside the same update as the change it reports.
 */
export class MongoStudentListeningStore implements StudentListeningStore {
  constructor(private readonly students: Model<StudentListeningDocument>) {}

  async viewingsOf(userId: string): Promise<Map<string, Viewing>> {
    const student = await this.students.findOne({ _id: userId }, { _id: 0, viewings: 1 }).lean<Pick<StudentListeningDocument, 'viewings'>>();
    return new Map(Object.entries(student?.viewings ?? {}).map(([videoId, viewing]) => [videoId, { ...viewing, progressReportedAt: viewing.progressReportedAt ?? null }]));
  }

  async saveViewing(userId: string, videoId: string, viewing: Viewing, expectedRevision: number, events: EventEnvelope[]): Promise<boolean> {
    const path = `viewings.${field(videoId)}`;
    const update = withOutbox<StudentListeningDocument>({ $set: { [path]: viewing, updatedAt: viewing.updatedAt } }, events);
    if (expectedRevision === 0) {
      const first = { _id: userId, [path]: { $exists: false } };
      try {
        // The student's first report of this video; their document may not exist yet.
        const result = await this.students.updateOne(first, update, { upsert: true });
        return result.matchedCount === 1 || result.upsertedCount === 1;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      // The document exists: it has this video already (another write came first), or it was just
      // created by the student's first write about something else.
      const result = await this.students.updateOne(first, update);
      return result.matchedCount === 1;
    }
    const result = await this.students.updateOne({ _id: userId, [`${path}.revision`]: expectedRevision }, update);
    return result.matchedCount === 1;
  }

  async answersOf(userId: string, videoId: string): Promise<AnswerRecord[]> {
    const path = `answers.${field(videoId)}`;
    const student = await this.students.findOne({ _id: userId }, { _id: 0, [path]: 1 }).lean<Pick<StudentListeningDocument, 'answers'>>();
    return Object.entries(student?.answers?.[videoId] ?? {}).map(([questionId, answer]) => answerOf(userId, videoId, questionId, answer));
  }

  async saveAnswer(answer: Omit<AnswerRecord, 'attempts'>, event: EventEnvelope): Promise<void> {
    const path = `answers.${field(answer.videoId)}.${field(answer.questionId)}`;
    const fields = { kind: answer.kind, answer: answer.answer, correct: answer.correct, skipped: answer.skipped, positionSeconds: answer.positionSeconds, at: answer.at };
    const set = Object.fromEntries(Object.entries(fields).map(([name, value]) => [`${path}.${name}`, value]));
    await this.upsertStudent(answer.userId, withOutbox<StudentListeningDocument>({ $set: { ...set, updatedAt: answer.at }, $inc: { [`${path}.attempts`]: 1 } }, [event]));
  }

  async devicesOf(userId: string): Promise<DeviceRecord[]> {
    const student = await this.students.findOne({ _id: userId }, { _id: 0, devices: 1 }).lean<Pick<StudentListeningDocument, 'devices'>>();
    return Object.entries(student?.devices ?? {}).map(([deviceId, device]) => deviceOf(userId, deviceId, device));
  }

  async device(userId: string, deviceId: string): Promise<DeviceRecord | null> {
    if (!SAFE_FIELD.test(deviceId)) return null;
    const student = await this.students.findOne({ _id: userId }, { _id: 0, [`devices.${deviceId}`]: 1 }).lean<Pick<StudentListeningDocument, 'devices'>>();
    const device = student?.devices?.[deviceId];
    return device ? deviceOf(userId, deviceId, device) : null;
  }

  async addDevice(device: DeviceRecord): Promise<void> {
    const { deviceId, userId, ...fields } = device;
    await this.upsertStudent(userId, { $set: { [`devices.${field(deviceId)}`]: fields, updatedAt: fields.registeredAt } });
  }

  async revokeDevice(userId: string, deviceId: string, at: Date): Promise<boolean> {
    const path = `devices.${field(deviceId)}`;
    const result = await this.students.updateOne(
      { _id: userId, [`${path}.keyId`]: { $exists: true }, [`${path}.revokedAt`]: null },
      // The sealed key goes with the revocation: nothing is left to open.
      { $set: { [`${path}.revokedAt`]: at, [`${path}.contentKey`]: null, updatedAt: at } },
    );
    return result.matchedCount === 1;
  }

  async exportOf(userId: string) {
    const student = await this.students.findOne({ _id: userId }, NO_OUTBOX).lean<StudentListeningDocument>();
    return {
      viewings: Object.entries(student?.viewings ?? {}).map(([videoId, viewing]) => ({ videoId, ...viewing, progressReportedAt: viewing.progressReportedAt ?? null })),
      answers: Object.entries(student?.answers ?? {}).flatMap(([videoId, answers]) =>
        Object.entries(answers).map(([questionId, answer]) => answerOf(userId, videoId, questionId, answer)),
      ),
      devices: Object.entries(student?.devices ?? {}).map(([deviceId, device]) => deviceOf(userId, deviceId, device)),
    };
  }

  async erase(userId: string): Promise<void> {
    await this.students.deleteOne({ _id: userId });
  }

  /** An update of the student's document, creating it on their first write. */
  private async upsertStudent(userId: string, update: UpdateQuery<StudentListeningDocument>): Promise<void> {
    try {
      await this.students.updateOne({ _id: userId }, update, { upsert: true });
    } catch (error) {
      // Two first writes at once: one created the document, the other updates it.
      if (!isDuplicateKey(error)) throw error;
      await this.students.updateOne({ _id: userId }, update);
    }
  }
}

function answerOf(userId: string, videoId: string, questionId: string, answer: StoredAnswer): AnswerRecord {
  return {
    userId,
    videoId,
    questionId,
    kind: answer.kind as QuestionKind,
    answer: answer.answer ?? null,
    correct: answer.correct ?? null,
    skipped: answer.skipped,
    positionSeconds: answer.positionSeconds,
    attempts: answer.attempts ?? 1,
    at: answer.at,
  };
}

function deviceOf(userId: string, deviceId: string, device: StoredDevice): DeviceRecord {
  return {
    deviceId,
    userId,
    name: device.name ?? null,
    publicKey: device.publicKey as DevicePublicKey,
    keyThumbprint: device.keyThumbprint,
    keyId: device.keyId,
    contentKey: device.contentKey ?? null,
    registeredAt: device.registeredAt,
    revokedAt: device.revokedAt ?? null,
  };
}
