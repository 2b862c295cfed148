import type { Model } from 'mongoose';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import { documentWithOutbox, withOutbox } from '@tall/platform/events';
import type { ReadingProgress, ReadingStore, SavedWordRecord, TestAttempt } from '@tall/reader/application';
import type { GivenAnswer, QuestionResult, WordState } from '@tall/reader/domain';
import { fieldName, keyOfFieldName } from './field-names';
import type { AttemptDocument, SavedWordDocument, StudentReadingDocument } from './reader-models';

const DUPLICATE_KEY = 11000;
const NO_OUTBOX = { _outbox: 0, _outboxPending: 0, _outboxSeq: 0 } as const;

/** By code: mongoose's driver and ours may be different copies of the mongodb package. */
function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === DUPLICATE_KEY;
}

export interface ReadingModels {
  students: Model<StudentReadingDocument>;
  saved: Model<SavedWordDocument>;
  attempts: Model<AttemptDocument>;
}

type StudentReading = Pick<StudentReadingDocument, 'states' | 'progress'>;

/**
 * A student's reading data. Word states and positions live in one document per student, so
 * opening a text reads the student once (FerretDB answers a read by `_id` in about 2 ms; an `$in`
 * over many `_id`s becomes a chain of ORs over the whole collection). Reads of the same student
 * that start together share one query. Every event is written inside the document whose change
 * it reports: reading events in the student's, saves and attempts in their own.
 */
export class MongoReadingStore implements ReadingStore {
  private readonly reading = new Map<string, Promise<StudentReading | null>>();

  constructor(private readonly models: ReadingModels) {}

  async ensureIndexes(): Promise<void> {
    await Promise.all([
      this.models.saved.collection.createIndex({ userId: 1 }, { name: 'user' }),
      this.models.attempts.collection.createIndex({ userId: 1, textId: 1, at: -1 }, { name: 'user_text_at' }),
    ]);
  }

  async statesOf(userId: string, keys?: readonly string[]): Promise<Map<string, WordState>> {
    const student = await this.student(userId);
    const wanted = keys ? new Set(keys) : null;
    const states = new Map<string, WordState>();
    for (const [field, value] of Object.entries(student?.states ?? {})) {
      const key = keyOfFieldName(field);
      if (!wanted || wanted.has(key)) states.set(key, value.state as WordState);
    }
    return states;
  }

  async setState(userId: string, key: string, state: WordState, at: Date): Promise<void> {
    await this.models.students.updateOne({ _id: userId }, { $set: { [`states.${fieldName(key)}`]: { state, at }, updatedAt: at } }, { upsert: true });
  }

  async progressOf(userId: string, textIds?: readonly string[]): Promise<Map<string, ReadingProgress>> {
    const student = await this.student(userId);
    const progress = new Map<string, ReadingProgress>();
    for (const [field, stored] of Object.entries(student?.progress ?? {})) {
      const textId = keyOfFieldName(field);
      if (!textIds || textIds.includes(textId)) progress.set(textId, { userId, textId, ...stored, openedAt: stored.openedAt ?? null, progressReportedAt: stored.progressReportedAt ?? null });
    }
    return progress;
  }

  async saveProgress(progress: ReadingProgress, expectedRevision: number, events: EventEnvelope[]): Promise<boolean> {
    const { userId, textId, ...fields } = progress;
    const path = `progress.${fieldName(textId)}`;
    const update = withOutbox<StudentReadingDocument>({ $set: { [path]: fields, updatedAt: fields.updatedAt } }, events);
    if (expectedRevision === 0) {
      const first = { _id: userId, [path]: { $exists: false } };
      try {
        // The student's first position in this text; their document may not exist yet.
        const result = await this.models.students.updateOne(first, update, { upsert: true });
        return result.matchedCount === 1 || result.upsertedCount === 1;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      // The document exists: it has this text already (another write came first), or it was just
      // created by the student's first write about another text.
      const result = await this.models.students.updateOne(first, update);
      return result.matchedCount === 1;
    }
    const result = await this.models.students.updateOne({ _id: userId, [`${path}.revision`]: expectedRevision }, update);
    return result.matchedCount === 1;
  }

  async dropProgress(userId: string, textId: string): Promise<void> {
    await this.models.students.updateOne({ _id: userId }, { $unset: { [`progress.${fieldName(textId)}`]: '' } });
  }

  async saveWord(word: SavedWordRecord, event: EventEnvelope): Promise<{ word: SavedWordRecord; created: boolean }> {
    const { savedId, ...fields } = word;
    try {
      await this.models.saved.insertOne(documentWithOutbox({ _id: savedId, ...fields }, [event]));
      return { word, created: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const existing = await this.models.saved.findOne({ _id: savedId }, NO_OUTBOX).lean<SavedWordDocument>();
    if (!existing) throw new Error(`saved word ${savedId} vanished`);
    return { word: savedWordOf(existing), created: false };
  }

  async savedKeysOf(userId: string, keys?: readonly string[]): Promise<Set<string>> {
    const documents = await this.models.saved.find(keys ? { userId, key: { $in: [...keys] } } : { userId }, { key: 1 }).lean<Array<{ key: string }>>();
    return new Set(documents.map((document) => document.key));
  }

  async addAttempt(attempt: TestAttempt, event: EventEnvelope): Promise<void> {
    const { id, ...fields } = attempt;
    await this.models.attempts.insertOne(documentWithOutbox({ _id: id, ...fields }, [event]));
  }

  async attemptsOf(userId: string, textId: string): Promise<TestAttempt[]> {
    const documents = await this.models.attempts.find({ userId, textId }, NO_OUTBOX).sort({ at: -1 }).lean<AttemptDocument[]>();
    return documents.map(attemptOf);
  }

  async exportOf(userId: string) {
    const [student, saved, attempts] = await Promise.all([
      this.models.students.findOne({ _id: userId }, NO_OUTBOX).lean<StudentReadingDocument>(),
      this.models.saved.find({ userId }, NO_OUTBOX).sort({ savedAt: 1 }).lean<SavedWordDocument[]>(),
      this.models.attempts.find({ userId }, NO_OUTBOX).sort({ at: 1 }).lean<AttemptDocument[]>(),
    ]);
    return {
      states: Object.entries(student?.states ?? {})
        .map(([field, value]) => ({ key: keyOfFieldName(field), state: value.state as WordState, updatedAt: value.at }))
        .sort((a, b) => a.key.localeCompare(b.key)),
      progress: [...(await this.progressOf(userId)).values()],
      savedWords: saved.map(savedWordOf),
      attempts: attempts.map(attemptOf),
    };
  }

  async erase(userId: string): Promise<void> {
    await Promise.all([this.models.students.deleteOne({ _id: userId }), this.models.saved.deleteMany({ userId }), this.models.attempts.deleteMany({ userId })]);
  }

  /** The student's states and positions; reads that start while one is under way share it. */
  private student(userId: string): Promise<StudentReading | null> {
    let reading = this.reading.get(userId);
    if (!reading) {
      reading = this.models.students
        .findOne({ _id: userId }, { _id: 0, states: 1, progress: 1 })
        .lean<StudentReading>()
        .then((document) => document ?? null)
        .finally(() => this.reading.delete(userId));
      this.reading.set(userId, reading);
    }
    return reading;
  }
}

function savedWordOf(document: SavedWordDocument): SavedWordRecord {
  return {
    savedId: document._id,
    userId: document.userId,
    textId: document.textId,
    key: document.key,
    lemma: document.lemma,
    wordId: document.wordId ?? null,
    translation: document.translation ?? null,
    article: document.article ?? null,
    context: document.context ?? null,
    savedAt: document.savedAt,
  };
}

function attemptOf(document: AttemptDocument): TestAttempt {
  return {
    id: document._id,
    userId: document.userId,
    textId: document.textId,
    textVersion: document.textVersion,
    answers: document.answers as Array<{ questionId: string; answer: GivenAnswer }>,
    results: document.results as QuestionResult[],
    score: document.score,
    maxScore: document.maxScore,
    at: document.at,
  };
}
