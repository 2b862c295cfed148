import type { Model } from 'mongoose';
import type { ExerciseAttempt, LastResult, StudentExerciseStore } from '@tall/exercises/application';
import type { ExerciseLevel, ExerciseSource, ExerciseType, ItemResult } from '@tall/exercises/contracts';
import type { GivenAnswer } from '@tall/exercises/domain';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import { withOutbox } from '@tall/platform/events';
import type { StoredAttempt, StudentExercisesDocument } from './exercises-models';

/** Exercise ids are slugs or weekly ids: safe as field names (no `.`, no `$`). */
const FIELD_SAFE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * A student's attempts and latest results in one document per student, so a list of exercises
 * reads the student once by `_id` (about 2 ms on FerretDB, where an `$in` over many ids is a chain
 * of ORs; ADR 16). An attempt is pushed with its `exercise.completed` event in the same write.
 */
export class MongoStudentExerciseStore implements StudentExerciseStore {
  constructor(private readonly students: Model<StudentExercisesDocument>) {}

  async lastResults(userId: string): Promise<Map<string, LastResult>> {
    const document = await this.students.findOne({ _id: userId }, { _id: 0, last: 1 }).lean<Pick<StudentExercisesDocument, 'last'>>();
    return new Map(Object.entries(document?.last ?? {}).map(([exerciseId, last]) => [exerciseId, { ...last, level: last.level as ExerciseLevel }]));
  }

  async addAttempt(attempt: ExerciseAttempt, event: EventEnvelope): Promise<void> {
    if (!FIELD_SAFE_ID.test(attempt.exerciseId)) throw new Error(`exercise id ${JSON.stringify(attempt.exerciseId)} cannot be a field name`);
    const { userId, ...stored } = attempt;
    const last = { score: attempt.score, maxScore: attempt.maxScore, level: attempt.level, at: attempt.at };
    await this.students.updateOne(
      { _id: userId },
      withOutbox<StudentExercisesDocument>({ $push: { attempts: stored }, $set: { [`last.${attempt.exerciseId}`]: last, updatedAt: attempt.at } }, [event]),
      { upsert: true },
    );
  }

  async attemptsOf(userId: string): Promise<ExerciseAttempt[]> {
    const document = await this.students.findOne({ _id: userId }, { _id: 0, attempts: 1 }).lean<Pick<StudentExercisesDocument, 'attempts'>>();
    return (document?.attempts ?? []).map((attempt) => attemptOf(userId, attempt));
  }

  async erase(userId: string): Promise<void> {
    await this.students.deleteOne({ _id: userId });
  }
}

function attemptOf(userId: string, stored: StoredAttempt): ExerciseAttempt {
  return {
    id: stored.id,
    userId,
    exerciseId: stored.exerciseId,
    source: stored.source as ExerciseSource,
    weekStart: stored.weekStart ?? null,
    type: stored.type as ExerciseType,
    level: stored.level as ExerciseLevel,
    answers: stored.answers as Array<{ itemId: string; answer: GivenAnswer }>,
    results: stored.results as ItemResult[],
    score: stored.score,
    maxScore: stored.maxScore,
    at: new Date(stored.at),
  };
}
