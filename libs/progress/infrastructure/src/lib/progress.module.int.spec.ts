import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes } from 'kafkajs';
import { Pool } from 'pg';
import type { Principal } from '@tall/platform/auth';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import { EventsRegistrar } from '@tall/platform/events';
import { RpcClient } from '@tall/platform/rpc';
import { freshDatabase, stackEnv, uniqueName, waitFor } from '@tall/platform/testing';
import { ExportProgressData, PROGRESS_SOURCE_TOPICS } from '@tall/progress/contracts';
import { progressTestEvents as events, retopic } from '../test-support/progress-test-events';
import { startProgressApp, testTopics, type ProgressTestApp } from '../test-support/progress-test-app';
import { withKafkaAdmin } from './kafka/topic-history';
import { compareReadModels, dumpReadModel } from './rebuild/read-model-comparison';
import { rebuildProgress, swapIntoLive } from './rebuild/progress-rebuild';

describe('progress context fed from Kafka (own process), rebuilt from the topics', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let progress: ProgressTestApp;
  let pool: Pool;
  const topics = testTopics();
  const brokers = stackEnv().KAFKA_BROKERS.split(',');
  const who = (role: Principal['role'], userId: string = randomUUID()): Principal => ({ userId, role, sessionId: randomUUID() });
  const [teacherA, teacherB] = [randomUUID(), randomUUID()];
  const students = Array.from({ length: 5 }, () => randomUUID());
  const [aliceOfA, bobOfA, carolOfB, daveOfA, erasedOfA] = students;
  const published: EventEnvelope[] = [];

  async function publish(...envelopes: EventEnvelope[]) {
    const moved = envelopes.map((envelope) => retopic(envelope, PROGRESS_SOURCE_TOPICS, topics));
    published.push(...moved);
    await progress.broker.produce(moved);
  }


  async function get(url: string, principal?: Principal) {
    const headers = principal ? { authorization: `Bearer ${await progress.tokenFor(principal)}` } : {};
    return progress.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
  }

  beforeAll(async () => {
    database = await freshDatabase('progress');
    pool = new Pool({ connectionString: database.url, max: 3 });
    pool.on('error', () => undefined);
    await withKafkaAdmin(brokers, uniqueName('progress-int-admin'), (admin) =>
      admin.createTopics({ waitForLeaders: true, topics: Object.values(topics).map((topic) => ({ topic, numPartitions: 3 })) }),
    );
    progress = await startProgressApp({ databaseUrl: database.url, topics });
    await progress.app.get(EventsRegistrar).consumersReady();
  });

  afterAll(async () => {
    await progress?.close();
    await pool?.end();
    await database?.drop();
    await withKafkaAdmin(brokers, uniqueName('progress-int-admin'), (admin) => admin.deleteTopics({ topics: Object.values(topics) })).catch(() => undefined);
  });

  it('sets the topics it replays to keep their whole history', async () => {
    const retention = await waitFor(
      () =>
        withKafkaAdmin(brokers, uniqueName('progress-int-admin'), async (admin) => {
          const { resources } = await admin.describeConfigs({ includeSynonyms: false, resources: Object.values(topics).map((name) => ({ type: ConfigResourceTypes.TOPIC, name })) });
          const values = resources.map((resource) => resource.configEntries.find((entry) => entry.configName === 'retention.ms')?.configValue);
          return values.every((value) => value === '-1') ? values : undefined;
        }),
      { timeoutMs: 20_000, what: 'retention.ms=-1 on every replayed topic' },
    );
    expect(retention).toHaveLength(9);
  });

  it('builds the record from Kafka only; redelivered events change nothing; a rebuild from offset 0 equals it row by row', async () => {
    const day = (offset: number, hour = 10) => new Date(Date.UTC(2026, 4, 1 + offset, hour));
    await publish(events.userCreated(teacherA, 'TEACHER'), events.userCreated(teacherB, 'TEACHER'));
    for (const student of students) await publish(events.userCreated(student));
    await publish(events.linked(teacherA, aliceOfA), events.linked(teacherA, bobOfA), events.linked(teacherB, carolOfB), events.linked(teacherA, daveOfA), events.linked(teacherA, erasedOfA));
    for (const [index, student] of students.entries()) {
      const batch: EventEnvelope[] = [];
      for (let review = 0; review < 20; review++) {
        batch.push(events.thematic(student, { wordId: `w${review % 6}`, topicId: `t${review % 2}`, mastered: (review + index) % 4 === 0, correct: review % 3 !== 0, answeredAt: day(review % 9, 8 + index) }));
      }
      batch.push(events.wordAdded(student, 'u1', '2026-W19', day(3)), events.learning(student, { userWordId: 'u1', cohortWeek: '2026-W19', rating: index % 2 ? 'again' : 'good', dueAt: day(5), answeredAt: day(4) }));
      batch.push(events.topicProgressed(student, 't0', { seen: 3, learning: 2, mastered: 1, at: day(8) }), events.rotated(student, '2026-W19', ['2026-W19'], 1, day(3, 0)));
      batch.push(events.textFinished(student, 'text-1', 300 + index, day(2, 18)), events.testCompleted(student, { textId: 'text-1', score: index % 4, maxScore: 4, at: day(2, 19) }));
      await publish(...batch);
    }
    await publish(events.disabled(daveOfA), events.deleted(erasedOfA), events.thematic(erasedOfA, { wordId: 'late', answeredAt: day(12) }));

    await progress.caughtUp();
    const live = await dumpReadModel(pool, 'progress');
    expect(live.get('users')).toHaveLength(6);
    expect(live.get('teacher_students')).toHaveLength(4);

    // Redelivery (a relay that sent a batch twice): the inbox keeps the model unchanged.
    await progress.broker.produce(published.slice(0, 60));
    await publish(events.thematic(aliceOfA, { wordId: 'marker', answeredAt: day(10) }));
    await progress.caughtUp();
    const afterRedelivery = await dumpReadModel(pool, 'progress');
    const changed = [...afterRedelivery].filter(([table, rows]) => JSON.stringify(rows) !== JSON.stringify(live.get(table))).map(([table]) => table);
    expect(changed.sort()).toEqual(['daily_activity', 'thematic_words', 'users']); // the marker review only
    expect(afterRedelivery.get('daily_activity')?.length).toBe((live.get('daily_activity')?.length ?? 0) + 1);

    const rebuilt = uniqueName('progress_rebuild').toLowerCase();
    const report = await rebuildProgress({ pool, brokers, schema: rebuilt, topics });
    expect(report.events).toBe(published.length + 60); // the redelivered ones too
    expect(report.topics.every((topic) => topic.truncatedPartitions.length === 0)).toBe(true);
    expect(await compareReadModels(pool, 'progress', rebuilt)).toEqual([]);
    await expect(rebuildProgress({ pool, brokers, schema: rebuilt, topics })).rejects.toThrow(/exists/);
    await expect(rebuildProgress({ pool, brokers, schema: 'progress', topics })).rejects.toThrow(/live schema/);
  });

  it('lets a teacher see only their own students: others are 404 like unknown ids; students get 403', async () => {
    progress.pii.names.set(aliceOfA, { firstName: 'Alice', lastName: '=cmd|calc' });
    const teacher = who('TEACHER', teacherA);
    const list = await get('/teacher/students?sort=lastActive&order=desc&pageSize=2', teacher);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 3, page: 1, pageSize: 2, sort: 'lastActive', order: 'desc', namesUnavailable: false });
    const second = await get('/teacher/students?sort=lastActive&order=desc&pageSize=2&page=2', teacher);
    const ids = [...list.json().items, ...second.json().items].map((item: { studentId: string }) => item.studentId);
    expect(ids.sort()).toEqual([aliceOfA, bobOfA, daveOfA].sort());
    expect(progress.pii.asked.at(-1)).toMatchObject({ purpose: 'teaching', reader: teacherA });
    expect(progress.pii.asked.every((call) => call.userIds.length <= 2)).toBe(true);
    const alice = [...list.json().items, ...second.json().items].find((item: { studentId: string }) => item.studentId === aliceOfA);
    expect(alice).toMatchObject({ name: { firstName: 'Alice' }, reviews: 22, status: 'active' });
    expect([...list.json().items, ...second.json().items].find((item: { studentId: string }) => item.studentId === daveOfA)).toMatchObject({ status: 'disabled', name: null });

    expect((await get(`/teacher/students/${aliceOfA}/progress`, teacher)).json()).toMatchObject({ studentId: aliceOfA, name: { firstName: 'Alice' }, reviews: { total: 22 } });
    for (const id of [carolOfB, erasedOfA, randomUUID()]) {
      const answer = await get(`/teacher/students/${id}/progress`, teacher);
      expect({ id, status: answer.statusCode, code: answer.json().code, message: answer.json().message }).toEqual({ id, status: 404, code: 'STUDENT_NOT_FOUND', message: 'Student not found' });
    }
    const otherTeacher = await get(`/teacher/students?teacherId=${teacherB}`, teacher);
    expect([otherTeacher.statusCode, otherTeacher.json()]).toEqual([403, expect.objectContaining({ code: 'FORBIDDEN', message: 'A teacher sees only their own students' })]);
    expect((await get('/teacher/students/not-a-uuid/progress', teacher)).statusCode).toBe(400);
    expect((await get('/teacher/students?sort=name', teacher)).statusCode).toBe(400);
    expect((await get('/teacher/students?pageSize=101', teacher)).statusCode).toBe(400);
    expect((await get('/teacher/students?extra=1', teacher)).statusCode).toBe(400);

    const student = who('STUDENT', aliceOfA);
    for (const url of ['/teacher/students', `/teacher/students/${aliceOfA}/progress`, '/teacher/students.csv']) {
      expect((await get(url, student)).statusCode).toBe(403);
      expect((await get(url)).statusCode).toBe(401);
      expect((await get(url, who('TECH_ADMIN'))).statusCode).toBe(403);
    }
    const own = await get('/progress/me', student);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ studentId: aliceOfA, reviews: { total: 22 }, words: { seen: 7 }, topics: [expect.objectContaining({ topicId: 't0', seen: 3 })] });
    expect(own.json().reviews.perDay).toHaveLength(90);
    expect((await get('/progress/me', teacher)).statusCode).toBe(403);
  });

  it('gives EDU_ADMIN every student, filterable by teacher, and answers without names when pii is down', async () => {
    const admin = who('EDU_ADMIN');
    const all = await get('/teacher/students?pageSize=100', admin);
    const ids: string[] = all.json().items.map((item: { studentId: string }) => item.studentId);
    expect(ids.sort()).toEqual([aliceOfA, bobOfA, carolOfB, daveOfA].sort());
    expect((await get(`/teacher/students?teacherId=${teacherB}`, admin)).json().items.map((item: { studentId: string }) => item.studentId)).toEqual([carolOfB]);
    expect((await get(`/teacher/students/${carolOfB}/progress`, admin)).statusCode).toBe(200);
    expect((await get(`/teacher/students/${teacherA}/progress`, admin)).statusCode).toBe(404);
    progress.pii.down = true;
    try {
      const degraded = await get('/teacher/students', admin);
      expect(degraded.statusCode).toBe(200);
      expect(degraded.json().namesUnavailable).toBe(true);
      expect(degraded.json().items.every((item: { name: unknown }) => item.name === null)).toBe(true);
      expect((await get(`/teacher/students/${carolOfB}/progress`, admin)).json()).toMatchObject({ name: null, namesUnavailable: true });
    } finally {
      progress.pii.down = false;
    }
  });

  it('exports the table as CSV, neutralising formulas', async () => {
    const answer = await get('/teacher/students.csv?sort=streak', who('TEACHER', teacherA));
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/csv/);
    expect(answer.headers['content-disposition']).toMatch(/^attachment; filename="students-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = answer.body.split('\r\n');
    expect(lines[0]).toMatch(/^"student_id","first_name","last_name",/);
    expect(lines).toHaveLength(5); // header, three students, final CRLF
    expect(lines.find((line) => line.startsWith(`"${aliceOfA}"`))).toContain(`"Alice","'=cmd|calc"`);
  });

  it('contributes the student’s record to the GDPR export, and nothing about an erased one', async () => {
    const rpc = progress.app.get(RpcClient);
    const section = await rpc.call(ExportProgressData, { userId: aliceOfA }, { principal: null });
    expect(section).toMatchObject({ context: 'progress', data: { account: { role: 'STUDENT' }, teachers: [{ teacher_id: teacherA }], days: expect.any(Array) } });
    expect(await rpc.call(ExportProgressData, { userId: erasedOfA }, { principal: null })).toMatchObject({ data: {}, statement: expect.any(String) });
  });

  it('swaps a rebuilt schema in as the live one, keeping the replaced one', async () => {
    const rebuilt = uniqueName('progress_swap').toLowerCase();
    await rebuildProgress({ pool, brokers, schema: rebuilt, topics });
    const before = await dumpReadModel(pool, 'progress');
    const replaced = await swapIntoLive(pool, rebuilt);
    expect(await dumpReadModel(pool, 'progress')).toEqual(before);
    expect(await compareReadModels(pool, 'progress', replaced)).toEqual([]);
    const { rows } = await pool.query<{ schema_name: string }>('SELECT schema_name FROM information_schema.schemata WHERE schema_name = $1', [rebuilt]);
    expect(rows).toEqual([]);
  });
});
