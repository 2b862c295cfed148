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
 * The reader's events reach progress through Kafka, as when the reader runs in another process:
 * the student's record, the teacher's table and page show texts, reading time and tests, also
 * when an event comes twice or late; a rebuild from the topics gives the same model.
 */
describe('progress fed with the reader’s events from Kafka', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let progress: ProgressTestApp;
  let pool: Pool;
  const topics = testTopics();
  const brokers = stackEnv().KAFKA_BROKERS.split(',');
  const who = (role: Principal['role'], userId: string = randomUUID()): Principal => ({ userId, role, sessionId: randomUUID() });
  const [teacher, student, erased] = [randomUUID(), randomUUID(), randomUUID()];
  const day = (date: number, time: string) => `2026-05-${String(date).padStart(2, '0')}T${time}:00Z`;

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
    database = await freshDatabase('progress_reading');
    pool = new Pool({ connectionString: database.url, max: 3 });
    pool.on('error', () => undefined);
    await withKafkaAdmin(brokers, uniqueName('progress-int-admin'), (admin) =>
      admin.createTopics({ waitForLeaders: true, topics: Object.values(topics).map((topic) => ({ topic, numPartitions: 2 })) }),
    );
    progress = await startProgressApp({ databaseUrl: database.url, topics });
    await progress.app.get(EventsRegistrar).consumersReady();
    await publish(events.userCreated(teacher, 'TEACHER'), events.userCreated(student), events.userCreated(erased), events.linked(teacher, student), events.linked(teacher, erased));
  });

  afterAll(async () => {
    await progress?.close();
    await pool?.end();
    await database?.drop();
    await withKafkaAdmin(brokers, uniqueName('progress-int-admin'), (admin) => admin.deleteTopics({ topics: Object.values(topics) })).catch(() => undefined);
  });

  it('shows zeros before any reading', async () => {
    const record = await own();
    expect(record.texts).toEqual({ opened: 0, read: 0, readingSeconds: 0, lastReadAt: null });
    expect(record.readingTests).toEqual({ taken: 0, averageScore: null, recent: [] });
  });

  it('counts a text opened, read on and finished, its time the largest running total, also when an event comes twice or late', async () => {
    const opened = events.textOpened(student, 'markt', day(11, '09:00'));
    await publish(opened);
    expect((await own()).texts).toEqual({ opened: 1, read: 0, readingSeconds: 0, lastReadAt: '2026-05-11T09:00:00.000Z' });

    const progressed = events.textProgressed(student, 'markt', 300, day(11, '09:05'));
    await publish(progressed, progressed); // delivered twice
    expect((await own()).texts).toMatchObject({ opened: 1, read: 0, readingSeconds: 300 });

    // The finish arrives before a progress report it followed (sent late, from an offline client).
    const finished = events.textFinished(student, 'markt', 540, day(11, '09:12'));
    const late = events.textProgressed(student, 'markt', 420, day(11, '09:10'));
    await publish(finished, late, finished);
    expect((await own()).texts).toEqual({ opened: 1, read: 1, readingSeconds: 540, lastReadAt: '2026-05-11T09:12:00.000Z' });

    // A second text, read on without its opening seen yet, then opened: one text, not two.
    await publish(events.textProgressed(student, 'fiets', 95, day(12, '19:05')), events.textOpened(student, 'fiets', day(12, '19:00')));
    const record = await own();
    expect(record.texts).toEqual({ opened: 2, read: 1, readingSeconds: 635, lastReadAt: '2026-05-12T19:05:00.000Z' });
    // Reading is activity: both days count.
    expect(record.activity).toMatchObject({ daysActive: 2, lastActiveAt: '2026-05-12T19:05:00.000Z' });
  });

  it('counts every test attempt, averages their percentages and lists the newest first, a redelivered one once', async () => {
    const first = events.testCompleted(student, { textId: 'markt', textTitle: 'Op de markt', score: 3, maxScore: 4, at: day(11, '09:20') });
    await publish(first);
    expect((await own()).readingTests).toEqual({
      taken: 1,
      averageScore: 75,
      recent: [{ attemptId: (first.payload as { attemptId: string }).attemptId, textId: 'markt', textTitle: 'Op de markt', level: 'A2', score: 3, maxScore: 4, at: '2026-05-11T09:20:00.000Z' }],
    });
    const retaken = events.testCompleted(student, { textId: 'markt', textTitle: 'Op de markt', score: 4, maxScore: 4, at: day(12, '09:20') });
    // An older attempt arriving after a newer one, and the first one again.
    const older = events.testCompleted(student, { textId: 'fiets', textTitle: 'De fiets', score: 1, maxScore: 2, level: null, at: day(10, '17:00') });
    await publish(retaken, older, first);
    const record = await own();
    expect(record.readingTests.taken).toBe(3);
    expect(record.readingTests.averageScore).toBeCloseTo((75 + 100 + 50) / 3, 10);
    expect(record.readingTests.recent.map((test: { textTitle: string; level: string | null; score: number; maxScore: number; at: string }) => [test.textTitle, test.level, test.score, test.maxScore, test.at])).toEqual([
      ['Op de markt', 'A2', 4, 4, '2026-05-12T09:20:00.000Z'],
      ['Op de markt', 'A2', 3, 4, '2026-05-11T09:20:00.000Z'],
      ['De fiets', null, 1, 2, '2026-05-10T17:00:00.000Z'],
    ]);
    // The per-text slot reserved for reading results: two texts tested, three attempts.
    expect(record.reading).toMatchObject({ completed: 2, attempts: 3, lastAt: '2026-05-12T09:20:00.000Z' });
    expect(record.activity).toMatchObject({ daysActive: 3, firstActiveAt: '2026-05-10T17:00:00.000Z' });
  });

  it('shows the teacher texts read, tests taken, the average and the last score in the table, and the attempts on the student’s page', async () => {
    const principal = who('TEACHER', teacher);
    const table = await get('/teacher/students', principal);
    const row = table.items.find((item: { studentId: string }) => item.studentId === student);
    expect(row).toMatchObject({ textsRead: 1, testsTaken: 3, lastTestScore: 100 });
    expect(row.averageTestScore).toBeCloseTo(75, 10);
    expect(table.items.find((item: { studentId: string }) => item.studentId === erased)).toMatchObject({ textsRead: 0, testsTaken: 0, averageTestScore: null, lastTestScore: null });
    const page = await get(`/teacher/students/${student}/progress`, principal);
    expect(page).toMatchObject({ texts: { opened: 2, read: 1, readingSeconds: 635 }, readingTests: { taken: 3 } });
    expect(page.readingTests.recent).toHaveLength(3);
    const csv = await progress.app.inject({ method: 'GET', url: '/api/v1/teacher/students.csv', headers: { authorization: `Bearer ${await progress.tokenFor(principal)}` } });
    const [header, ...lines] = csv.body.split('\r\n');
    expect(header).toContain(',"texts_read","tests_taken","average_test_score_percent","last_test_score_percent",');
    // Then listening's and exercises' columns, empty for a reader only.
    expect(lines.find((line) => line.startsWith(`"${student}"`))?.endsWith('"1","3","75","100","0","","0",""')).toBe(true);
  });

  it('exports a student’s reading in the GDPR section, and erases it with the account', async () => {
    await publish(events.textFinished(erased, 'markt', 200, day(11, '10:00')), events.testCompleted(erased, { textId: 'markt', score: 2, maxScore: 4, at: day(11, '10:10') }));
    const rpc = progress.app.get(RpcClient);
    expect(await rpc.call(ExportProgressData, { userId: erased }, { principal: null })).toMatchObject({
      data: { readerTexts: [{ text_id: 'markt', reading_seconds: 200 }], readerTests: [{ text_id: 'markt', score: 2, max_score: 4 }] },
    });
    await publish(events.deleted(erased), events.textOpened(erased, 'fiets', day(21, '10:00')), events.testCompleted(erased, { textId: 'fiets', score: 1, maxScore: 1, at: day(21, '10:05') }));
    for (const table of ['reader_texts', 'reader_tests', 'activity_results', 'daily_activity']) {
      const { rows } = await pool.query(`SELECT count(*)::int AS n FROM progress.${table} WHERE user_id = $1`, [erased]);
      expect({ table, rows: rows[0].n }).toEqual({ table, rows: 0 });
    }
    expect(await rpc.call(ExportProgressData, { userId: erased }, { principal: null })).toMatchObject({ data: {} });
  });

  it('rebuilds the same model from the topics, the reader’s included', async () => {
    const rebuilt = uniqueName('progress_rebuild').toLowerCase();
    const report = await rebuildProgress({ pool, brokers, schema: rebuilt, topics });
    expect(report.topics.find((topic) => topic.topic === topics.reading)?.messages).toBeGreaterThan(10);
    expect(await compareReadModels(pool, 'progress', rebuilt)).toEqual([]);
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM ${rebuilt}.reader_tests`);
    expect(rows[0].n).toBe(3);
  });
});
