import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { migrateSchema } from '@tall/platform/database';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { EventHandler } from '@tall/platform/events';
import { stackEnv, uniqueName } from '@tall/platform/testing';
import { RecordProgressFactHandler } from '@tall/progress/application';
import { progressEventHandlers } from '../events/progress-event-handlers';
import { STUDENT_SORT_KEYS } from '@tall/progress/contracts';
import { studentRecord, studentSummary, todayAt } from '@tall/progress/domain';
import { progressTestEvents as events } from '../../test-support/progress-test-events';
import { compareReadModels, dumpReadModel } from '../rebuild/read-model-comparison';
import { PgProgressProjection } from './pg-progress-projection';
import { PgProgressReadStore } from './pg-progress-read-store';
import { progressMigrations } from './progress-schema';

describe('progress read model on PostgreSQL', () => {
  let pool: Pool;
  const schemas: string[] = [];

  async function model() {
    const schema = uniqueName('progress_int').toLowerCase();
    schemas.push(schema);
    await migrateSchema(pool, schema, progressMigrations(schema));
    const handlers = progressEventHandlers(new RecordProgressFactHandler(new PgProgressProjection(pool, schema)));
    const deliver = async (...envelopes: EventEnvelope[]) => {
      for (const envelope of envelopes) {
        for (const handler of handlers.filter((candidate: EventHandler) => candidate.topics.includes(envelope.topic) && candidate.types?.includes(envelope.type))) {
          await handler.handle(envelope);
        }
      }
    };
    return { schema, deliver, read: new PgProgressReadStore(pool, schema) };
  }

  const rows = async (schema: string, sql: string, params: unknown[] = []) => (await pool.query(sql.replaceAll('$schema', schema), params)).rows;

  beforeAll(() => {
    pool = new Pool({ connectionString: stackEnv().DATABASE_URL, max: 6 });
    pool.on('error', () => undefined);
  });

  afterAll(async () => {
    for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await pool.end();
  });

  it('counts reviews per Amsterdam day, words seen and mastered, this week’s mastery, days active and the latest run', async () => {
    const { schema, deliver, read } = await model();
    const student = randomUUID();
    await deliver(
      events.userCreated(student),
      events.thematic(student, { wordId: 'w1', answeredAt: '2026-05-10T21:30:00Z', correct: false }), // 23:30 Sunday 10 May in Amsterdam
      events.thematic(student, { wordId: 'w1', answeredAt: '2026-05-10T22:30:00Z', mastered: true }), // 00:30 Monday 11 May: week 20
      events.thematic(student, { wordId: 'w2', answeredAt: '2026-05-11T08:00:00Z', mastered: true }),
      events.thematic(student, { wordId: 'w1', answeredAt: '2026-05-12T08:00:00Z', mastered: false, correct: false }), // fell out
      events.learning(student, { userWordId: 'u1', cohortWeek: '2026-W20', rating: 'again', dueAt: '2026-05-12T08:10:00Z', answeredAt: '2026-05-12T08:05:00Z' }),
      events.thematic(student, { wordId: 'w3', answeredAt: '2026-05-08T08:00:00Z' }), // offline, from an earlier day
    );
    expect(await rows(schema, `SELECT day::text, reviews, correct, thematic_reviews, learning_reviews FROM $schema.daily_activity WHERE user_id = $1 ORDER BY day`, [student])).toEqual([
      { day: '2026-05-08', reviews: 1, correct: 1, thematic_reviews: 1, learning_reviews: 0 },
      { day: '2026-05-10', reviews: 1, correct: 0, thematic_reviews: 1, learning_reviews: 0 },
      { day: '2026-05-11', reviews: 2, correct: 2, thematic_reviews: 2, learning_reviews: 0 },
      { day: '2026-05-12', reviews: 2, correct: 0, thematic_reviews: 1, learning_reviews: 1 },
    ]);
    expect(await rows(schema, `SELECT week, gained, lost FROM $schema.weekly_mastery WHERE user_id = $1`, [student])).toEqual([{ week: '2026-W20', gained: 2, lost: 1 }]);
    const [user] = await rows(
      schema,
      `SELECT role, days_active, run_end_day::text, run_length, reviews_total, reviews_correct, words_seen, words_mastered, first_active_at, last_active_at FROM $schema.users WHERE user_id = $1`,
      [student],
    );
    expect(user).toEqual({
      role: 'STUDENT',
      days_active: 4,
      run_end_day: '2026-05-12',
      run_length: 3,
      reviews_total: 6,
      reviews_correct: 3,
      words_seen: 3,
      words_mastered: 1,
      first_active_at: new Date('2026-05-08T08:00:00Z'),
      last_active_at: new Date('2026-05-12T08:05:00Z'),
    });
    const record = await read.record(student, todayAt(new Date('2026-05-13T09:00:00Z')));
    expect(record.activity).toMatchObject({ daysActive: 4, runLength: 3, wordsSeen: 3 });
    expect(record.days).toHaveLength(4);
    expect(record.weeklyMastery).toEqual([{ week: '2026-W20', gained: 2, lost: 1 }]);
    expect(record.learningCards).toEqual([{ cohortWeek: '2026-W20', dueAt: new Date('2026-05-12T08:10:00Z'), lastAnsweredAt: new Date('2026-05-12T08:05:00Z') }]);
  });

  it('applies a redelivered event once', async () => {
    const { schema, deliver } = await model();
    const student = randomUUID();
    const batch = [
      events.userCreated(student),
      events.thematic(student, { wordId: 'w1', answeredAt: '2026-05-10T08:00:00Z', mastered: true }),
      events.learning(student, { userWordId: 'u1', cohortWeek: '2026-W19', dueAt: '2026-05-11T08:00:00Z', answeredAt: '2026-05-10T08:00:00Z' }),
      events.topicProgressed(student, 'food', { seen: 1, learning: 0, mastered: 1, at: '2026-05-10T08:00:01Z' }),
      events.rotated(student, '2026-W20', ['2026-W20', '2026-W19'], 12, '2026-05-11T00:00:00Z'),
    ];
    await deliver(...batch);
    const before = await dumpReadModel(pool, schema);
    await deliver(...batch, ...batch.reverse());
    expect(await dumpReadModel(pool, schema)).toEqual(before);
    expect(before.get('users')).toHaveLength(1);
    expect((await rows(schema, 'SELECT count(*)::int AS n FROM $schema.inbox'))[0].n).toBe(5);
  });

  it('gives the same model whatever the interleaving of topics, as long as each topic keeps its order', async () => {
    const students = [randomUUID(), randomUUID(), randomUUID()];
    const teacher = randomUUID();
    const byTopic = new Map<string, EventEnvelope[]>();
    const add = (envelope: EventEnvelope) => byTopic.set(envelope.topic, [...(byTopic.get(envelope.topic) ?? []), envelope]);
    add(events.userCreated(teacher, 'TEACHER'));
    students.forEach((student, index) => {
      add(events.userCreated(student));
      add(events.linked(teacher, student));
      for (let review = 0; review < 30; review++) {
        const day = 1 + ((review * (index + 2)) % 17);
        add(events.thematic(student, { wordId: `w${review % 7}`, mastered: review % 3 === index % 3, correct: review % 4 !== 0, answeredAt: `2026-05-${String(day).padStart(2, '0')}T1${index}:00:00Z` }));
        if (review % 3 === 0) add(events.learning(student, { userWordId: `u${review % 5}`, cohortWeek: '2026-W19', rating: review % 2 ? 'again' : 'easy', dueAt: `2026-05-${String(day + 1).padStart(2, '0')}T08:00:00Z`, answeredAt: `2026-05-${String(day).padStart(2, '0')}T07:00:00Z` }));
        if (review % 5 === 0) add(events.topicProgressed(student, `t${review % 2}`, { seen: review, learning: Math.floor(review / 2), mastered: Math.floor(review / 5), wordCount: 40, at: `2026-05-${String(day).padStart(2, '0')}T12:00:00Z` }));
      }
      add(events.wordAdded(student, 'u9', '2026-W20', '2026-05-11T08:00:00Z'));
      add(events.rotated(student, '2026-W20', ['2026-W20', '2026-W19'], 9, '2026-05-11T00:00:00Z'));
      for (let text = 0; text < 3; text++) {
        add(events.textOpened(student, `text-${text}`, `2026-05-0${2 + text}T18:00:00Z`));
        add(events.textProgressed(student, `text-${text}`, 200 + index * 10, `2026-05-0${2 + text}T18:05:00Z`));
        if (text !== index) add(events.textFinished(student, `text-${text}`, 400 + text, `2026-05-0${2 + text}T18:10:00Z`));
        add(events.testCompleted(student, { textId: `text-${text}`, score: text + index, maxScore: 6, at: `2026-05-0${2 + text}T18:20:00Z` }));
      }
      for (let video = 0; video < 2; video++) {
        add(events.videoStarted(student, `video-${video}`, `2026-05-0${5 + video}T17:00:00Z`));
        add(events.videoProgressed(student, `video-${video}`, 8.5 + index, `2026-05-0${5 + video}T17:00:10Z`));
        if (video !== index % 2) add(events.videoCompleted(student, `video-${video}`, 20, `2026-05-0${5 + video}T17:00:30Z`));
        // Answered wrong, then right, then skipped: the latest answer's verdict stays.
        add(events.videoAnswered(student, `video-${video}`, 'q1', 'wrong', `2026-05-0${5 + video}T17:00:05Z`));
        add(events.videoAnswered(student, `video-${video}`, 'q1', 'correct', `2026-05-0${5 + video}T17:00:06Z`));
        add(events.videoAnswered(student, `video-${video}`, 'q1', 'skipped', `2026-05-0${5 + video}T17:00:07Z`));
        add(events.videoAnswered(student, `video-${video}`, 'q2', video === index % 2 ? 'skipped' : 'correct', `2026-05-0${5 + video}T17:00:08Z`));
        add(events.exerciseCompleted(student, { exerciseId: `exercise-${video}`, score: video + index, maxScore: 5, at: `2026-05-0${5 + video}T18:00:00Z` }));
      }
    });
    add(events.unlinked(teacher, students[2]));
    add(events.deleted(students[1]));
    // Late events of the erased student on other topics.
    add(events.thematic(students[1], { wordId: 'late', answeredAt: '2026-05-19T08:00:00Z' }));
    add(events.testCompleted(students[1], { textId: 'late', score: 1, maxScore: 2, at: '2026-05-19T09:00:00Z' }));
    add(events.videoStarted(students[1], 'late', '2026-05-19T10:00:00Z'));
    add(events.videoAnswered(students[1], 'late', 'q1', 'correct', '2026-05-19T10:00:05Z'));
    add(events.exerciseCompleted(students[1], { exerciseId: 'late', score: 1, maxScore: 1, at: '2026-05-19T11:00:00Z' }));

    const interleave = (seed: number): EventEnvelope[] => {
      const queues = [...byTopic.values()].map((queue) => [...queue]);
      const merged: EventEnvelope[] = [];
      let state = seed;
      while (queues.some((queue) => queue.length > 0)) {
        state = (state * 1103515245 + 12345) % 2 ** 31;
        const open = queues.filter((queue) => queue.length > 0);
        merged.push(open[state % open.length].shift() as EventEnvelope);
      }
      return merged;
    };
    const first = await model();
    const second = await model();
    const [one, two] = [interleave(7), interleave(1234)];
    expect(one.map((event) => event.id)).not.toEqual(two.map((event) => event.id));
    await first.deliver(...one);
    await second.deliver(...two);
    expect(await compareReadModels(pool, first.schema, second.schema)).toEqual([]);
    const dump = await dumpReadModel(pool, first.schema);
    expect(dump.get('users')).toHaveLength(3); // teacher, two students (one erased)
    expect(dump.get('teacher_students')).toHaveLength(1);
    expect(dump.get('erased_users')).toHaveLength(1);
    expect((dump.get('daily_activity') ?? []).some((row) => row.includes(students[1]))).toBe(false);
    expect(dump.get('reader_texts')).toHaveLength(6);
    expect(dump.get('reader_tests')).toHaveLength(6);
    expect(dump.get('listening_videos')).toHaveLength(4);
    expect(dump.get('listening_questions')).toHaveLength(8);
    expect(dump.get('exercise_attempts')).toHaveLength(4);
  });

  it('keeps the latest absolute topic counts and the latest rotation, whatever order they come in', async () => {
    const { schema, deliver } = await model();
    const student = randomUUID();
    await deliver(
      events.topicProgressed(student, 'food', { seen: 5, learning: 3, mastered: 2, at: '2026-05-10T10:00:00Z' }),
      events.topicProgressed(student, 'food', { seen: 4, learning: 3, mastered: 1, at: '2026-05-10T09:00:00Z' }),
      events.topicMastered(student, 'food', '2026-05-10T10:00:00Z'),
      events.rotated(student, '2026-W20', ['2026-W20'], 4, '2026-05-11T00:00:05Z'),
      events.rotated(student, '2026-W20', ['2026-W20', '2026-W18'], 7, '2026-05-11T00:00:01Z'),
    );
    expect(await rows(schema, 'SELECT topic_slug, seen, learning, mastered, mastery, progressed_at, mastered_at FROM $schema.topic_progress')).toEqual([
      { topic_slug: 'slug-food', seen: 5, learning: 3, mastered: 2, mastery: 0.1, progressed_at: new Date('2026-05-10T10:00:00Z'), mastered_at: new Date('2026-05-10T10:00:00Z') },
    ]);
    expect(await rows(schema, 'SELECT active_cohorts, active_cards FROM $schema.learning_weeks')).toEqual([{ active_cohorts: ['2026-W20'], active_cards: 4 }]);
  });

  it('erases a user on user.deleted, links both ways, and ignores their later events', async () => {
    const { schema, deliver, read } = await model();
    const [teacher, student, other] = [randomUUID(), randomUUID(), randomUUID()];
    await deliver(
      events.userCreated(teacher, 'TEACHER'),
      events.userCreated(student),
      events.userCreated(other),
      events.linked(teacher, student),
      events.linked(teacher, other),
      events.thematic(student, { wordId: 'w1', answeredAt: '2026-05-10T08:00:00Z' }),
      events.thematic(other, { wordId: 'w1', answeredAt: '2026-05-10T08:00:00Z' }),
      events.wordAdded(student, 'u1', '2026-W19', '2026-05-10T08:00:00Z'),
      events.textFinished(student, 'text-1', 300, '2026-05-10T08:30:00Z'),
      events.testCompleted(student, { textId: 'text-1', score: 3, maxScore: 4, at: '2026-05-10T08:40:00Z' }),
      events.textFinished(other, 'text-1', 250, '2026-05-10T08:30:00Z'),
      events.testCompleted(other, { textId: 'text-1', score: 2, maxScore: 4, at: '2026-05-10T08:40:00Z' }),
      events.videoCompleted(student, 'markt', 20, '2026-05-10T08:50:00Z'),
      events.videoAnswered(student, 'markt', 'q1', 'correct', '2026-05-10T08:45:00Z'),
      events.exerciseCompleted(student, { exerciseId: 'a1-cloze-1', score: 3, maxScore: 4, at: '2026-05-10T08:55:00Z' }),
      events.videoCompleted(other, 'markt', 19.5, '2026-05-10T08:50:00Z'),
      events.videoAnswered(other, 'markt', 'q1', 'skipped', '2026-05-10T08:45:00Z'),
      events.exerciseCompleted(other, { exerciseId: 'a1-cloze-1', score: 1, maxScore: 4, at: '2026-05-10T08:55:00Z', weekStart: '2026-05-04' }),
      events.deleted(student),
      events.thematic(student, { wordId: 'w2', answeredAt: '2026-05-10T09:00:00Z' }),
      events.textOpened(student, 'text-2', '2026-05-10T09:30:00Z'),
      events.testCompleted(student, { textId: 'text-2', score: 1, maxScore: 4, at: '2026-05-10T09:40:00Z' }),
      events.videoStarted(student, 'trein', '2026-05-10T09:50:00Z'),
      events.videoAnswered(student, 'trein', 'q1', 'wrong', '2026-05-10T09:51:00Z'),
      events.exerciseCompleted(student, { exerciseId: 'a1-cloze-2', score: 1, maxScore: 4, at: '2026-05-10T09:55:00Z' }),
      events.linked(teacher, student),
    );
    const dump = await dumpReadModel(pool, schema);
    for (const [table, tableRows] of dump) {
      if (table !== 'erased_users') expect(tableRows.filter((row) => row.includes(student))).toEqual([]);
    }
    expect(dump.get('erased_users')).toHaveLength(1);
    expect(await read.exportUser(student)).toBeNull();
    expect(await read.exportUser(other)).toMatchObject({
      account: { role: 'STUDENT', reviews_total: 1 },
      teachers: [{ teacher_id: teacher }],
      readerTexts: [{ text_id: 'text-1', reading_seconds: 250, finished_at: new Date('2026-05-10T08:30:00Z') }],
      readerTests: [{ text_id: 'text-1', text_title: 'Title of text-1', level: 'A2', score: 2, max_score: 4, completed_at: new Date('2026-05-10T08:40:00Z') }],
      results: [
        { kind: 'exercise', item_id: 'a1-cloze-1', attempts: 1, last_score: 0.25 },
        { kind: 'reading', item_id: 'text-1', attempts: 1, last_score: 0.5 },
      ],
      listeningVideos: [{ video_id: 'markt', level: 'A1', watched_seconds: 19.5, completed_at: new Date('2026-05-10T08:50:00Z') }],
      listeningQuestions: [{ video_id: 'markt', question_id: 'q1', answers: 0, skips: 1, correct: null, answered_at: null }],
      exerciseAttempts: [{ exercise_id: 'a1-cloze-1', exercise_type: 'cloze', source: 'weekly', week_start: '2026-05-04', score: 1, max_score: 4 }],
    });
    expect(await read.isLinked(teacher, other)).toBe(true);
    await deliver(events.deleted(teacher));
    expect(await read.isLinked(teacher, other)).toBe(false);
    expect(await read.isStudent(other)).toBe(true);
  });

  it('folds the reader’s events into texts and test attempts: duplicates and any order give the same rows and record', async () => {
    const student = randomUUID();
    const attemptId = randomUUID();
    const batch = [
      events.userCreated(student),
      events.textOpened(student, 'markt', '2026-05-11T09:00:00Z'),
      events.textProgressed(student, 'markt', 240, '2026-05-11T09:05:00Z'),
      events.textProgressed(student, 'markt', 420, '2026-05-11T09:10:00Z'),
      events.textFinished(student, 'markt', 480, '2026-05-11T09:12:00Z'),
      events.testCompleted(student, { textId: 'markt', textTitle: 'Op de markt', score: 3, maxScore: 4, at: '2026-05-11T09:20:00Z', attemptId }),
      events.testCompleted(student, { textId: 'markt', textTitle: 'Op de markt', score: 4, maxScore: 4, at: '2026-05-12T09:20:00Z' }),
      events.textOpened(student, 'fiets', '2026-05-12T19:00:00Z'),
      events.textProgressed(student, 'fiets', 95, '2026-05-12T19:05:00Z'),
      events.textOpened(student, 'markt', '2026-05-12T20:00:00Z'), // read again: still one text
      events.testCompleted(student, { textId: 'fiets', textTitle: 'De fiets', score: 1, maxScore: 3, level: null, at: '2026-05-12T19:30:00Z' }),
    ];
    // The same attempt republished under another event id: one attempt still.
    const republished = { ...batch[5], id: randomUUID() };
    const inOrder = await model();
    await inOrder.deliver(...batch);
    const shuffled = await model();
    await shuffled.deliver(...[...batch].reverse(), republished, ...batch.slice(2, 6));
    expect(await compareReadModels(pool, inOrder.schema, shuffled.schema)).toEqual([]);

    expect(await rows(inOrder.schema, 'SELECT text_id, reading_seconds, first_read_at, last_read_at, finished_at FROM $schema.reader_texts ORDER BY text_id')).toEqual([
      { text_id: 'fiets', reading_seconds: 95, first_read_at: new Date('2026-05-12T19:00:00Z'), last_read_at: new Date('2026-05-12T19:05:00Z'), finished_at: null },
      { text_id: 'markt', reading_seconds: 480, first_read_at: new Date('2026-05-11T09:00:00Z'), last_read_at: new Date('2026-05-12T20:00:00Z'), finished_at: new Date('2026-05-11T09:12:00Z') },
    ]);
    const at = todayAt(new Date('2026-05-13T08:00:00Z'));
    const record = studentRecord(await shuffled.read.record(student, at), at);
    expect(record.texts).toEqual({ opened: 2, read: 1, readingSeconds: 575, lastReadAt: '2026-05-12T20:00:00.000Z' });
    expect(record.readingTests.taken).toBe(3);
    expect(record.readingTests.averageScore).toBeCloseTo((75 + 100 + 100 / 3) / 3, 10);
    expect(record.readingTests.recent.map((test) => [test.textTitle, test.level, test.score, test.maxScore, test.at])).toEqual([
      ['De fiets', null, 1, 3, '2026-05-12T19:30:00.000Z'],
      ['Op de markt', 'A2', 4, 4, '2026-05-12T09:20:00.000Z'],
      ['Op de markt', 'A2', 3, 4, '2026-05-11T09:20:00.000Z'],
    ]);
    expect(record.reading).toMatchObject({ completed: 2, attempts: 3, lastAt: '2026-05-12T19:30:00.000Z' });
    // Reading is activity: two days, the latest reading the last activity.
    expect(record.activity).toMatchObject({ daysActive: 2, streak: 2, lastActiveAt: '2026-05-12T20:00:00.000Z', firstActiveAt: '2026-05-11T09:00:00.000Z' });
    expect(record.reviews.total).toBe(0);

    const { rows: page } = await shuffled.read.studentPage({ scope: { kind: 'allStudents' }, sort: 'lastActive', order: 'desc', page: 1, pageSize: 100, at });
    const row = page.find((candidate) => candidate.studentId === student);
    expect(row && studentSummary(row, at)).toMatchObject({ textsRead: 1, testsTaken: 3, lastTestScore: 100 / 3 });
    expect(row && studentSummary(row, at).averageTestScore).toBeCloseTo(record.readingTests.averageScore ?? Number.NaN, 10);
  });

  it('folds listening’s and exercises’ events into videos, questions and attempts: duplicates and any order give the same rows and record', async () => {
    const student = randomUUID();
    const attemptId = randomUUID();
    const batch = [
      events.userCreated(student),
      events.videoStarted(student, 'markt', '2026-05-11T09:00:00Z'),
      events.videoAnswered(student, 'markt', 'q1', 'wrong', '2026-05-11T09:00:04Z'),
      events.videoAnswered(student, 'markt', 'q1', 'correct', '2026-05-11T09:00:05Z'),
      events.videoAnswered(student, 'markt', 'q2', 'skipped', '2026-05-11T09:00:09Z'),
      events.videoAnswered(student, 'markt', 'q3', 'correct', '2026-05-11T09:00:14Z'),
      events.videoAnswered(student, 'markt', 'q3', 'skipped', '2026-05-11T09:00:15Z'), // a skip after an answer: still answered, still right
      events.videoProgressed(student, 'markt', 9.5, '2026-05-11T09:00:10Z'),
      events.videoCompleted(student, 'markt', 18.4, '2026-05-11T09:00:20Z'),
      events.videoStarted(student, 'markt', '2026-05-12T19:00:00Z'), // watched again: still one video
      events.videoProgressed(student, 'trein', 6.25, '2026-05-12T19:30:00Z'), // its start not seen
      events.videoAnswered(student, 'weer', 'q1', 'wrong', '2026-05-12T20:00:00Z'), // answered, never watched
      events.exerciseCompleted(student, { exerciseId: 'a1-cloze-1', score: 2, maxScore: 4, at: '2026-05-11T10:00:00Z', attemptId }),
      events.exerciseCompleted(student, { exerciseId: 'a1-cloze-1', score: 4, maxScore: 4, at: '2026-05-11T10:05:00Z' }),
      events.exerciseCompleted(student, { exerciseId: 'a1-match-1', type: 'match', score: 3, maxScore: 10, at: '2026-05-12T10:00:00Z' }),
    ];
    // The same attempt republished under another event id: one attempt still.
    const republished = { ...batch[12], id: randomUUID() };
    const inOrder = await model();
    await inOrder.deliver(...batch);
    const shuffled = await model();
    // Watching and exercises in reverse, the answers in their topic's order (a question's latest verdict is the later one), topics apart, some events twice.
    const byTopic = (topic: string) => batch.filter((event) => event.topic === topic);
    await shuffled.deliver(batch[0], ...byTopic('exercise.results.v1').reverse(), republished, ...byTopic('video.events.v1').reverse(), ...byTopic('video.results.v1'), ...batch.slice(1, 6));
    expect(await compareReadModels(pool, inOrder.schema, shuffled.schema)).toEqual([]);

    expect(await rows(inOrder.schema, 'SELECT video_id, level, watched_seconds, first_watched_at, last_watched_at, completed_at FROM $schema.listening_videos ORDER BY video_id')).toEqual([
      { video_id: 'markt', level: 'A1', watched_seconds: 18.4, first_watched_at: new Date('2026-05-11T09:00:00Z'), last_watched_at: new Date('2026-05-12T19:00:00Z'), completed_at: new Date('2026-05-11T09:00:20Z') },
      { video_id: 'trein', level: 'A1', watched_seconds: 6.25, first_watched_at: new Date('2026-05-12T19:30:00Z'), last_watched_at: new Date('2026-05-12T19:30:00Z'), completed_at: null },
    ]);
    expect(await rows(inOrder.schema, 'SELECT video_id, question_id, answers, skips, correct FROM $schema.listening_questions ORDER BY video_id, question_id')).toEqual([
      { video_id: 'markt', question_id: 'q1', answers: 2, skips: 0, correct: true },
      { video_id: 'markt', question_id: 'q2', answers: 0, skips: 1, correct: null },
      { video_id: 'markt', question_id: 'q3', answers: 1, skips: 1, correct: true },
      { video_id: 'weer', question_id: 'q1', answers: 1, skips: 0, correct: false },
    ]);
    const at = todayAt(new Date('2026-05-13T08:00:00Z'));
    const record = studentRecord(await shuffled.read.record(student, at), at);
    expect(record.videos).toMatchObject({
      started: 2, completed: 1, watchedSeconds: 25, lastWatchedAt: '2026-05-12T19:30:00.000Z',
      questions: { asked: 4, answered: 3, correct: 2, answerRate: 0.75, correctRate: 2 / 3 },
    });
    expect(record.videos.recent.map((video) => [video.videoId, video.completed, video.asked, video.answered, video.correct])).toEqual([
      ['weer', false, 1, 1, 0],
      ['trein', false, 0, 0, 0],
      ['markt', true, 3, 2, 2],
    ]);
    expect(record.listening).toMatchObject({ completed: 2, attempts: 6 });
    expect(record.exerciseAttempts).toMatchObject({ attempts: 3, exercisesDone: 2, averageScore: (50 + 100 + 30) / 3 });
    expect(record.exerciseAttempts.recent.map((attempt) => [attempt.exerciseId, attempt.type, attempt.score, attempt.maxScore])).toEqual([
      ['a1-match-1', 'match', 3, 10],
      ['a1-cloze-1', 'cloze', 4, 4],
      ['a1-cloze-1', 'cloze', 2, 4],
    ]);
    expect(record.exercises).toMatchObject({ completed: 2, attempts: 3 });
    // Watching, answering and exercises are activity: two days.
    expect(record.activity).toMatchObject({ daysActive: 2, firstActiveAt: '2026-05-11T09:00:00.000Z', lastActiveAt: '2026-05-12T20:00:00.000Z' });

    const { rows: page } = await shuffled.read.studentPage({ scope: { kind: 'allStudents' }, sort: 'lastActive', order: 'desc', page: 1, pageSize: 100, at });
    const row = page.find((candidate) => candidate.studentId === student);
    expect(row && studentSummary(row, at)).toMatchObject({ videosWatched: 1, answerRate: 0.75, exercisesDone: 2 });
    expect(row && studentSummary(row, at).averageExerciseScore).toBeCloseTo(record.exerciseAttempts.averageScore ?? Number.NaN, 10);
  });

  it('serialises one user’s facts from different topics applied at once', async () => {
    const { schema, deliver } = await model();
    const student = randomUUID();
    const days = Array.from({ length: 12 }, (_, index) => `2026-05-${String(index + 1).padStart(2, '0')}`);
    await Promise.all([
      deliver(...days.filter((_, i) => i % 2 === 0).map((day) => events.thematic(student, { wordId: day, answeredAt: `${day}T10:00:00Z` }))),
      deliver(...days.filter((_, i) => i % 2 === 1).map((day) => events.learning(student, { userWordId: day, cohortWeek: '2026-W19', dueAt: `${day}T12:00:00Z`, answeredAt: `${day}T10:00:00Z` }))),
    ]);
    expect(await rows(schema, 'SELECT days_active, run_end_day::text, run_length, reviews_total FROM $schema.users')).toEqual([
      { days_active: 12, run_end_day: '2026-05-12', run_length: 12, reviews_total: 12 },
    ]);
  });

  it('pages and sorts the student tables by the values the dashboard shows', async () => {
    const { deliver, read } = await model();
    const teacher = randomUUID();
    const students = Array.from({ length: 7 }, () => randomUUID());
    const now = new Date('2026-05-13T10:00:00Z');
    await deliver(events.userCreated(teacher, 'TEACHER'));
    for (const [index, student] of students.entries()) {
      await deliver(events.userCreated(student));
      if (index < 5) await deliver(events.linked(teacher, student));
      // index 0: never active; others: a run of `index` days ending `index - 1` days before today.
      for (let day = 0; day < index; day++) {
        const date = new Date(now.getTime() - (index - 1 + day) * 86_400_000);
        await deliver(events.thematic(student, { wordId: `w${day}`, mastered: day % 2 === 0, correct: day !== 1, answeredAt: date }));
      }
    }
    const at = todayAt(now);
    for (const sort of STUDENT_SORT_KEYS) {
      for (const order of ['asc', 'desc'] as const) {
        const { rows: page, total } = await read.studentPage({ scope: { kind: 'teacher', teacherId: teacher }, sort, order, page: 1, pageSize: 10, at });
        expect(total).toBe(5);
        const shown = page.map((row) => studentSummary(row, at));
        const key = (summary: (typeof shown)[number]): number | null => {
          switch (sort) {
            case 'lastActive': return summary.lastActiveAt ? Date.parse(summary.lastActiveAt) : null;
            case 'streak': return summary.streak;
            case 'masteredThisWeek': return summary.masteredThisWeek;
            case 'accuracy': return summary.accuracy;
            case 'inactive': return summary.inactiveDays ?? Number.POSITIVE_INFINITY;
          }
        };
        const values = shown.map(key).filter((value): value is number => value !== null);
        const sorted = [...values].sort((a, b) => (order === 'asc' ? a - b : b - a));
        expect({ sort, order, values }).toEqual({ sort, order, values: sorted });
      }
    }
    const byStreak = await read.studentPage({ scope: { kind: 'teacher', teacherId: teacher }, sort: 'streak', order: 'desc', page: 1, pageSize: 2, at });
    expect(byStreak.rows.map((row) => studentSummary(row, at).streak)).toEqual([2, 1]); // the 3- and 4-day runs ended too long ago
    const all = await read.studentPage({ scope: { kind: 'allStudents' }, sort: 'lastActive', order: 'desc', page: 1, pageSize: 100, at });
    expect(all.rows.map((row) => row.studentId)).toEqual(expect.arrayContaining(students));
    expect(all.rows.map((row) => row.studentId)).not.toContain(teacher);
    const beyond = await read.studentPage({ scope: { kind: 'teacher', teacherId: teacher }, sort: 'lastActive', order: 'desc', page: 4, pageSize: 2, at });
    expect(beyond).toEqual({ rows: [], total: 5 });
    const second = await read.studentPage({ scope: { kind: 'teacher', teacherId: teacher }, sort: 'lastActive', order: 'desc', page: 2, pageSize: 2, at });
    const first = await read.studentPage({ scope: { kind: 'teacher', teacherId: teacher }, sort: 'lastActive', order: 'desc', page: 1, pageSize: 2, at });
    expect(new Set([...first.rows, ...second.rows].map((row) => row.studentId)).size).toBe(4);
  });
});
