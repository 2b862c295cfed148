import { randomUUID } from 'node:crypto';
import { MongoClient, type Db, type Document } from 'mongodb';
import type { Model } from 'mongoose';
import type { ExerciseAttempt, WeeklySetRecord } from '@tall/exercises/application';
import { ExerciseCompleted } from '@tall/exercises/contracts';
import { generateWeeklyExercises, weekStartOf, type Exercise } from '@tall/exercises/domain';
import { contextConnection } from '@tall/platform/database';
import { createEvent, type EventEnvelope } from '@tall/platform/event-contracts';
import { stackEnv, uniqueName } from '@tall/platform/testing';
import { loadSeedExercises } from '../seed/exercise-seed-loader';
import { readSeedExercises } from '../seed/seed-exercises';
import { modelOn } from './exercises-connection';
import {
  AUTHORED_EXERCISE_MODEL,
  STUDENT_EXERCISES_MODEL,
  WEEKLY_SET_MODEL,
  type AuthoredExerciseDocument,
  type StudentExercisesDocument,
  type WeeklySetDocument,
} from './exercises-models';
import { MongoExerciseCatalog } from './mongo-exercise-catalog';
import { MongoStudentExerciseStore } from './mongo-student-exercise-store';
import { MongoWeeklySetStore } from './mongo-weekly-set-store';

const at = new Date('2026-03-10T09:00:00Z');
const later = (minutes: number) => new Date(at.getTime() + minutes * 60_000);

/** The events a document carries for the relay, as type and payload. */
function outboxOf(document: Document | null): Array<{ type: string; payload: Record<string, unknown> }> {
  return ((document?.['_outbox'] ?? []) as EventEnvelope[]).map((event) => ({ type: event.type, payload: event.payload as Record<string, unknown> }));
}

describe('the exercises stores on MongoDB (integration)', () => {
  let client: MongoClient;
  let db: Db;
  let authored: Model<AuthoredExerciseDocument>;
  let students: MongoStudentExerciseStore;
  let sets: MongoWeeklySetStore;

  beforeAll(async () => {
    client = new MongoClient(stackEnv().MONGODB_URI);
    // A database of this file alone, named as the module names its own.
    db = client.db(`${uniqueName('exercise_stores')}_exercises`);
    const connection = await contextConnection(client, db.databaseName);
    authored = modelOn<AuthoredExerciseDocument>(connection, AUTHORED_EXERCISE_MODEL);
    students = new MongoStudentExerciseStore(modelOn<StudentExercisesDocument>(connection, STUDENT_EXERCISES_MODEL));
    sets = new MongoWeeklySetStore(modelOn<WeeklySetDocument>(connection, WEEKLY_SET_MODEL));
    await Promise.all([new MongoExerciseCatalog(authored).ensureIndexes(), sets.ensureIndexes()]);
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await client?.close();
  });

  describe('loadSeedExercises and MongoExerciseCatalog', () => {
    const seed = readSeedExercises();
    const documents = () => db.collection(AUTHORED_EXERCISE_MODEL.collection);
    let current = seed;
    const changedAt = (index: number, change: (exercise: Exercise) => Exercise) => current.map((entry, place) => (place === index ? { ...entry, exercise: change(entry.exercise) } : entry));

    // One catalog, loaded as an instance would load it on successive starts: the cases build on each other.
    it('creates every seed exercise once, at version 1, and serves them', async () => {
      expect(await loadSeedExercises(authored, seed, at)).toEqual({ created: seed.length, updated: 0, keptEdits: 0, unchanged: 0 });
      expect(await documents().countDocuments({ version: 1, status: 'published', editedAt: null })).toBe(seed.length);
      const catalog = new MongoExerciseCatalog(authored);
      const published = await catalog.published();
      expect(published.map(({ exercise }) => exercise.id).sort()).toEqual(seed.map(({ exercise }) => exercise.id).sort());
      expect(await catalog.get(seed[3].exercise.id)).toEqual({ exercise: seed[3].exercise, version: 1 });
      expect(await catalog.get('no-such-exercise')).toBeNull();
    });

    it('leaves an unchanged seed alone and updates a changed exercise, raising its version', async () => {
      expect(await loadSeedExercises(authored, current, later(1))).toEqual({ created: 0, updated: 0, keptEdits: 0, unchanged: seed.length });
      current = changedAt(0, (exercise) => ({ ...exercise, title: `${exercise.title} (nieuw)` }));
      expect(await loadSeedExercises(authored, current, later(2))).toEqual({ created: 0, updated: 1, keptEdits: 0, unchanged: seed.length - 1 });
      expect(await documents().findOne({ _id: seed[0].exercise.id as never })).toMatchObject({ version: 2, title: `${seed[0].exercise.title} (nieuw)`, createdAt: at, updatedAt: later(2) });
    });

    it("never overwrites an admin's edit", async () => {
      const id = seed[1].exercise.id;
      await documents().updateOne({ _id: id as never }, { $set: { title: 'Door een beheerder', editedAt: later(3) } });
      current = changedAt(1, (exercise) => ({ ...exercise, instructions: 'Andere uitleg.' }));
      expect(await loadSeedExercises(authored, current, later(4))).toMatchObject({ updated: 0, keptEdits: 1 });
      expect(await documents().findOne({ _id: id as never })).toMatchObject({ title: 'Door een beheerder', version: 1 });
    });

    it('reads the catalog again after invalidate, leaving out what does not read as an exercise and what is archived', async () => {
      const catalog = new MongoExerciseCatalog(authored);
      const before = (await catalog.published()).length;
      await documents().updateOne({ _id: seed[2].exercise.id as never }, { $set: { 'exercise.items': [] } });
      await documents().updateOne({ _id: seed[4].exercise.id as never }, { $set: { status: 'archived' } });
      expect(await catalog.published()).toHaveLength(before);
      catalog.invalidate();
      expect(await catalog.published()).toHaveLength(before - 2);
      expect(await catalog.get(seed[2].exercise.id)).toBeNull();
    });
  });

  describe('MongoStudentExerciseStore', () => {
    const attempt = (userId: string, fields: Partial<ExerciseAttempt> = {}): ExerciseAttempt => ({
      id: randomUUID(),
      userId,
      exerciseId: 'de-of-het-in-huis',
      source: 'authored',
      weekStart: null,
      type: 'buckets',
      level: 'A1',
      answers: [{ itemId: 'i1', answer: 'het' }],
      results: [{ itemId: 'i1', correct: true, expected: 'het' }],
      score: 1,
      maxScore: 8,
      at,
      ...fields,
    });
    const completed = (value: ExerciseAttempt) =>
      createEvent(
        ExerciseCompleted,
        {
          userId: value.userId,
          attemptId: value.id,
          exerciseId: value.exerciseId,
          type: value.type,
          level: value.level,
          source: value.source,
          score: value.score,
          maxScore: value.maxScore,
          at: value.at.toISOString(),
          ...(value.weekStart ? { weekStart: value.weekStart } : {}),
        },
        { key: value.userId, correlationId: randomUUID(), actorId: value.userId, occurredAt: value.at },
      );

    it("keeps a student's attempts in one document with their events, and the latest result per exercise", async () => {
      const userId = randomUUID();
      const first = attempt(userId);
      const second = attempt(userId, { score: 7, at: later(5) });
      const weekly = attempt(userId, { exerciseId: 'wk-2026-w11-1-0123456789', source: 'weekly', weekStart: '2026-03-09', type: 'match', level: 'A2', score: 2, maxScore: 3, at: later(6) });
      for (const value of [first, second, weekly]) await students.addAttempt(value, completed(value));

      expect(await students.attemptsOf(userId)).toEqual([first, second, weekly]);
      expect(await students.lastResults(userId)).toEqual(
        new Map([
          ['de-of-het-in-huis', { score: 7, maxScore: 8, level: 'A1', at: later(5) }],
          ['wk-2026-w11-1-0123456789', { score: 2, maxScore: 3, level: 'A2', at: later(6) }],
        ]),
      );
      const document = await db.collection(STUDENT_EXERCISES_MODEL.collection).findOne({ _id: userId as never });
      expect(outboxOf(document).map((event) => [event.type, event.payload['attemptId'], event.payload['weekStart']])).toEqual([
        [ExerciseCompleted.type, first.id, undefined],
        [ExerciseCompleted.type, second.id, undefined],
        [ExerciseCompleted.type, weekly.id, '2026-03-09'],
      ]);
      expect(document?.['_outboxPending']).toBe(true);
    });

    it('erases one student, leaving the others', async () => {
      const [leaver, stayer] = [randomUUID(), randomUUID()];
      for (const userId of [leaver, stayer]) {
        const value = attempt(userId);
        await students.addAttempt(value, completed(value));
      }
      await students.erase(leaver);
      await students.erase(leaver);
      expect(await students.attemptsOf(leaver)).toEqual([]);
      expect(await students.lastResults(leaver)).toEqual(new Map());
      expect(await students.attemptsOf(stayer)).toHaveLength(1);
    });

    it('refuses an exercise id that cannot be a field name, writing nothing', async () => {
      const userId = randomUUID();
      await expect(students.addAttempt(attempt(userId, { exerciseId: 'a.b' }), completed(attempt(userId)))).rejects.toThrow(/field name/);
      expect(await students.attemptsOf(userId)).toEqual([]);
    });
  });

  describe('MongoWeeklySetStore', () => {
    const setOf = (userId: string, week: string, fields: Partial<WeeklySetRecord> = {}): WeeklySetRecord => ({
      userId,
      week,
      weekStart: weekStartOf(week),
      level: 'A1',
      basis: 'week',
      exercises: generateWeeklyExercises({
        userId,
        week,
        level: 'A1',
        words: ['fiets', 'huis', 'markt', 'brood'].map((lemma, index) => ({ key: `c-${lemma}`, lemma, article: index % 2 ? 'het' : 'de', translation: `${lemma}!`, sentence: `Dit is de ${lemma} van mij.`, addedAt: at })),
      }),
      createdAt: at,
      ...fields,
    });

    it('stores a set once per student and week: the first stored wins', async () => {
      const userId = randomUUID();
      const first = setOf(userId, '2026-W11');
      expect(await sets.insert(first)).toEqual(first);
      const racer = setOf(userId, '2026-W11', { basis: 'learning', createdAt: later(1) });
      expect(await sets.insert(racer)).toEqual(first);
      expect(await sets.get(userId, '2026-W11')).toEqual(first);
      expect(await sets.get(userId, '2026-W12')).toBeNull();
      expect(await sets.get(randomUUID(), '2026-W11')).toBeNull();
    });

    it("lists a student's sets by week and erases them, leaving other students'", async () => {
      const [leaver, stayer] = [randomUUID(), randomUUID()];
      await sets.insert(setOf(leaver, '2026-W12'));
      await sets.insert(setOf(leaver, '2026-W11'));
      await sets.insert(setOf(stayer, '2026-W11'));
      expect((await sets.listOf(leaver)).map((set) => set.week)).toEqual(['2026-W11', '2026-W12']);
      await sets.erase(leaver);
      expect(await sets.listOf(leaver)).toEqual([]);
      expect(await sets.listOf(stayer)).toHaveLength(1);
    });
  });
});
