import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { Principal } from '@tall/platform/auth';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import { EventsRegistrar } from '@tall/platform/events';
import { RpcClient } from '@tall/platform/rpc';
import { freshDatabase, stackEnv, uniqueName } from '@tall/platform/testing';
import { ExportProgressData, PROGRESS_SOURCE_TOPICS } from '@tall/progress/contracts';
import { progressTestEvents as events, retopic } from '../test-support/progress-test-events';
import { startProgressApp, testTopics, type ProgressTestApp } from '../test-support/progress-test-app';
import { withKafkaAdmin } from './kafka/topic-history';
import { compareReadModels } from './rebuild/read-model-comparison';
import { rebuildProgress } from './rebuild/progress-rebuild';

/**
 * Listening's and exercises' events reach progress through Kafka, as when those contexts run in
 * another process: the student's record, the teacher's table, CSV and page show videos watched,
 * the answer rate and the exercise scores, also when an event comes twice or late; a rebuild from
 * the topics gives the same model.
 */
describe('progress fed with listening’s and exercises’ events from Kafka', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let progress: ProgressTestApp;
  let pool: Pool;
  const topics = testTopics();
  const brokers = stackEnv().KAFKA_BROKERS.split(',');
  const who = (role: Principal['role'], userId: string = randomUUID()): Principal => ({ userId, role, sessionId: randomUUID() });
  const [teacher, student, idle, erased] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const day = (date: number, time: string) => `2026-05-${String(date).padStart(2, '0')}T${time}Z`;

  async function publish(...envelopes: EventEnvelope[]): Promise<void> {
    await progress.broker.produce(envelopes.map((envelope) => retopic(envelope, PROGRESS_SOURCE_TOPICS, topics)));
    await progress.caughtUp();
  }

  async function get(url: string, principal: Principal) {
    const answer = await progress.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { authorization: `Bearer ${await progress.tokenFor(principal)}` } });
    expect({ url, status: answer.statusCode }).toEqual({ url, status: 200 });
    return answer.json();
  }

  const own = () => get('/progress/me', who('STUDENT', student));

  beforeAll(async () => {
    database = await freshDatabase('progress_listening');
    pool = new Pool({ connectionString: database.url, max: 3 });
    pool.on('error', () => undefined);
    await withKafkaAdmin(brokers, uniqueName('progress-int-admin'), (admin) =>
      admin.createTopics({ waitForLeaders: true, topics: Object.values(topics).map((topic) => ({ topic, numPartitions: 2 })) }),
    );
    progress = await startProgressApp({ databaseUrl: database.url, topics });
    await progress.app.get(EventsRegistrar).consumersReady();
    await publish(
      events.userCreated(teacher, 'TEACHER'),
      ...[student, idle, erased].map((id) => events.userCreated(id)),
      ...[student, idle, erased].map((id) => events.linked(teacher, id)),
    );
  });

  afterAll(async () => {
    await progress?.close();
    await pool?.end();
    await database?.drop();
    await withKafkaAdmin(brokers, uniqueName('progress-int-admin'), (admin) => admin.deleteTopics({ topics: Object.values(topics) })).catch(() => undefined);
  });

  it('shows zeros before any video or exercise', async () => {
    const record = await own();
    expect(record.videos).toEqual({
      started: 0,
      completed: 0,
      watchedSeconds: 0,
      lastWatchedAt: null,
      questions: { asked: 0, answered: 0, correct: 0, answerRate: null, correctRate: null },
      recent: [],
    });
    expect(record.exerciseAttempts).toEqual({ attempts: 0, exercisesDone: 0, averageScore: null, recent: [] });
  });

  it('counts videos started and watched, their time the largest running total, also when an event comes twice or late', async () => {
    const started = events.videoStarted(student, 'op-de-markt', day(11, '09:00:00'));
    await publish(started, started);
    expect((await own()).videos).toMatchObject({ started: 1, completed: 0, watchedSeconds: 0, lastWatchedAt: '2026-05-11T09:00:00.000Z' });

    // The end arrives before a progress report it followed (sent late).
    const completed = events.videoCompleted(student, 'op-de-markt', 18.4, day(11, '09:00:20'));
    await publish(completed, events.videoProgressed(student, 'op-de-markt', 9.5, day(11, '09:00:10')), completed);
    expect((await own()).videos).toMatchObject({ started: 1, completed: 1, watchedSeconds: 18, lastWatchedAt: '2026-05-11T09:00:20.000Z' });

    // A second video, watched on without its start seen: started, not watched to the end.
    await publish(events.videoProgressed(student, 'de-trein', 6.6, day(12, '19:00:10')));
    const record = await own();
    expect(record.videos).toMatchObject({ started: 2, completed: 1, watchedSeconds: 25 });
    // Watching is activity: both days count.
    expect(record.activity).toMatchObject({ daysActive: 2, lastActiveAt: '2026-05-12T19:00:10.000Z' });
  });

  it('counts each question once: answered unless only skipped, right by its latest answer; a redelivered answer changes nothing', async () => {
    const wrong = events.videoAnswered(student, 'op-de-markt', 'q1', 'wrong', day(11, '09:00:04'));
    await publish(wrong, events.videoAnswered(student, 'op-de-markt', 'q1', 'correct', day(11, '09:00:05')), wrong);
    await publish(events.videoAnswered(student, 'op-de-markt', 'q2', 'correct', day(11, '09:00:09')), events.videoAnswered(student, 'op-de-markt', 'q3', 'skipped', day(11, '09:00:15')));
    await publish(events.videoAnswered(student, 'de-trein', 'q1', 'wrong', day(12, '19:00:05')));
    const record = await own();
    expect(record.videos.questions).toEqual({ asked: 4, answered: 3, correct: 2, answerRate: 0.75, correctRate: 2 / 3 });
    expect(record.videos.recent).toEqual([
      { videoId: 'de-trein', level: 'A1', completed: false, watchedSeconds: 7, asked: 1, answered: 1, correct: 0, lastAt: '2026-05-12T19:00:10.000Z' },
      { videoId: 'op-de-markt', level: 'A1', completed: true, watchedSeconds: 18, asked: 3, answered: 2, correct: 2, lastAt: '2026-05-11T09:00:20.000Z' },
    ]);
    // Per video: the share of its questions answered right; every answer and skip an attempt.
    expect(record.listening).toMatchObject({ completed: 2, attempts: 5 });
    expect(record.listening.averageScore).toBeCloseTo((2 / 3 + 0) / 2, 10);
  });

  it('counts every exercise attempt, averages their percentages and lists the newest first, a republished one once', async () => {
    const first = events.exerciseCompleted(student, { exerciseId: 'a1-cloze-1', score: 2, maxScore: 4, at: day(11, '10:00:00') });
    await publish(first);
    expect((await own()).exerciseAttempts).toEqual({
      attempts: 1,
      exercisesDone: 1,
      averageScore: 50,
      recent: [{ attemptId: (first.payload as { attemptId: string }).attemptId, exerciseId: 'a1-cloze-1', type: 'cloze', level: 'A1', source: 'authored', score: 2, maxScore: 4, at: '2026-05-11T10:00:00.000Z' }],
    });
    const retaken = events.exerciseCompleted(student, { exerciseId: 'a1-cloze-1', score: 4, maxScore: 4, at: day(12, '10:00:00') });
    // An older attempt arriving after a newer one, and the first under another event id (republished).
    const older = events.exerciseCompleted(student, { exerciseId: 'wk-2026-w19-1-ab', type: 'match', score: 3, maxScore: 10, weekStart: '2026-05-04', at: day(10, '17:00:00') });
    await publish(retaken, older, { ...first, id: randomUUID() });
    const record = await own();
    expect(record.exerciseAttempts).toMatchObject({ attempts: 3, exercisesDone: 2, averageScore: 60 });
    expect(record.exerciseAttempts.recent.map((attempt: { exerciseId: string; type: string; source: string; score: number }) => [attempt.exerciseId, attempt.type, attempt.source, attempt.score])).toEqual([
      ['a1-cloze-1', 'cloze', 'authored', 4],
      ['a1-cloze-1', 'cloze', 'authored', 2],
      ['wk-2026-w19-1-ab', 'match', 'weekly', 3],
    ]);
    // The per-exercise slot: two exercises, three attempts, each exercise's latest score.
    expect(record.exercises).toMatchObject({ completed: 2, attempts: 3, averageScore: (1 + 0.3) / 2, lastAt: '2026-05-12T10:00:00.000Z' });
    expect(record.activity).toMatchObject({ daysActive: 3, firstActiveAt: '2026-05-10T17:00:00.000Z' });
  });

  it('shows the teacher videos watched, the answer rate, exercises done and their average in the table and the CSV, and the results on the student’s page', async () => {
    const principal = who('TEACHER', teacher);
    const table = await get('/teacher/students', principal);
    const row = table.items.find((item: { studentId: string }) => item.studentId === student);
    expect(row).toMatchObject({ videosWatched: 1, answerRate: 0.75, exercisesDone: 2, averageExerciseScore: 60 });
    expect(table.items.find((item: { studentId: string }) => item.studentId === idle)).toMatchObject({ videosWatched: 0, answerRate: null, exercisesDone: 0, averageExerciseScore: null });
    const page = await get(`/teacher/students/${student}/progress`, principal);
    expect(page).toMatchObject({ videos: { started: 2, completed: 1, questions: { answerRate: 0.75 } }, exerciseAttempts: { attempts: 3 } });
    expect(page.videos.recent).toHaveLength(2);
    expect(page.exerciseAttempts.recent).toHaveLength(3);
    const csv = await progress.app.inject({ method: 'GET', url: '/api/v1/teacher/students.csv', headers: { authorization: `Bearer ${await progress.tokenFor(principal)}` } });
    const [header, ...lines] = csv.body.split('\r\n');
    expect(header.endsWith('"videos_watched","answer_rate_percent","exercises_done","average_exercise_score_percent"')).toBe(true);
    expect(lines.find((line) => line.startsWith(`"${student}"`))?.endsWith('"1","75","2","60"')).toBe(true);
    expect(lines.find((line) => line.startsWith(`"${idle}"`))?.endsWith('"0","","0",""')).toBe(true);
  });

  it('exports a student’s videos, answers and attempts in the GDPR section, and erases them with the account', async () => {
    await publish(
      events.videoCompleted(erased, 'op-de-markt', 18, day(11, '10:00:00')),
      events.videoAnswered(erased, 'op-de-markt', 'q1', 'correct', day(11, '09:59:00')),
      events.exerciseCompleted(erased, { exerciseId: 'a1-cloze-1', score: 1, maxScore: 4, at: day(11, '10:10:00') }),
    );
    const rpc = progress.app.get(RpcClient);
    expect(await rpc.call(ExportProgressData, { userId: erased }, { principal: null })).toMatchObject({
      data: {
        listeningVideos: [{ video_id: 'op-de-markt', watched_seconds: 18 }],
        listeningQuestions: [{ video_id: 'op-de-markt', question_id: 'q1', answers: 1, correct: true }],
        exerciseAttempts: [{ exercise_id: 'a1-cloze-1', score: 1, max_score: 4 }],
      },
    });
    await publish(
      events.deleted(erased),
      events.videoStarted(erased, 'de-trein', day(21, '10:00:00')),
      events.videoAnswered(erased, 'de-trein', 'q1', 'wrong', day(21, '10:00:05')),
      events.exerciseCompleted(erased, { exerciseId: 'a1-cloze-2', score: 1, maxScore: 1, at: day(21, '10:05:00') }),
    );
    for (const table of ['listening_videos', 'listening_questions', 'exercise_attempts', 'activity_results', 'daily_activity']) {
      const { rows } = await pool.query(`SELECT count(*)::int AS n FROM progress.${table} WHERE user_id = $1`, [erased]);
      expect({ table, rows: rows[0].n }).toEqual({ table, rows: 0 });
    }
    expect(await rpc.call(ExportProgressData, { userId: erased }, { principal: null })).toMatchObject({ data: {} });
  });

  it('rebuilds the same model from the topics, listening’s and exercises’ included', async () => {
    const rebuilt = uniqueName('progress_rebuild').toLowerCase();
    const report = await rebuildProgress({ pool, brokers, schema: rebuilt, topics });
    for (const topic of [topics.watching, topics.videoAnswers, topics.exercises]) {
      expect({ topic, replayed: (report.topics.find((candidate) => candidate.topic === topic)?.messages ?? 0) > 3 }).toEqual({ topic, replayed: true });
    }
    expect(await compareReadModels(pool, 'progress', rebuilt)).toEqual([]);
    const counts = await pool.query(
      `SELECT (SELECT count(*)::int FROM ${rebuilt}.listening_videos) AS videos, (SELECT count(*)::int FROM ${rebuilt}.listening_questions) AS questions,
         (SELECT count(*)::int FROM ${rebuilt}.exercise_attempts) AS attempts`,
    );
    expect(counts.rows[0]).toEqual({ videos: 2, questions: 4, attempts: 3 });
  });
});
