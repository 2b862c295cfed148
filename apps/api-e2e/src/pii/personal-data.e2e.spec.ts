import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { waitFor } from '@tall/platform/testing';
import { probeTopic } from '../support/kafka-probe';
import { dumpKafka, dumpMongo, dumpPostgres, findingsIn } from '../support/leak-search';
import { isolatedStores, startTall, type TallProcess } from '../support/tall-process';

/**
 * Issue 4, black-box against the built API and the real stack: canary values planted through
 * registration must show up where they belong (the user's own reads, the export) and nowhere
 * else — not in any PostgreSQL table, MongoDB collection, Kafka topic or log line.
 */
const ADMIN_EMAIL = `e2e.admin.${randomUUID().slice(0, 8)}@example.org`;
const ADMIN_PASSWORD = 'Admin-e2e-Passw0rd!';
const PASSWORD = 'Canary-e2e-Passw0rd!';

const token = () => randomUUID().replace(/-/g, '').slice(0, 10);
const canary = {
  firstName: `Kanarie${token()}`,
  lastName: `Vogel${token()}`,
  email: `kanarie.${token()}@example.org`,
  newEmail: `kanarie.new.${token()}@example.org`,
};
const canaryValues = [canary.firstName, canary.lastName, canary.email, canary.newEmail];

describe('personal data, black-box (issue 4)', () => {
  let tall: TallProcess;
  let stores: Awaited<ReturnType<typeof isolatedStores>>;
  let student: { id: string; token: string };
  let adminToken: string;
  let accessLog: Awaited<ReturnType<typeof probeTopic>>;
  /** Every successful read of the student's personal data this test made: each must reach pii.access.log. */
  const reads: { accessorRole: string; purpose: string }[] = [];

  const call = async (method: string, path: string, accessToken?: string, body?: unknown) => {
    const response = await fetch(`${tall.url}/api/v1${path}`, {
      method,
      headers: {
        ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const login = (email: string, password: string) => call('POST', '/auth/login', undefined, { email, password });

  beforeAll(async () => {
    stores = await isolatedStores('pii');
    accessLog = await probeTopic('pii.access.log');
    tall = await startTall({
      DATABASE_URL: stores.DATABASE_URL,
      MONGODB_URI: stores.MONGODB_URI,
      CRON_ENABLED: 'false',
      // As chatty as Tall gets: no log line may carry a canary even then.
      LOG_LEVEL: 'debug',
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
    });
    await waitFor(async () => (await fetch(`${tall.url}/health/ready`)).ok, { timeoutMs: 60_000, what: 'Tall to be ready' });
    // The first TECH_ADMIN is created at start (ADMIN_EMAIL), possibly a moment after readiness.
    const admin = await waitFor(async () => {
      const response = await login(ADMIN_EMAIL, ADMIN_PASSWORD);
      return response.status === 200 && response;
    }, { timeoutMs: 30_000, what: `the first admin to sign in\n${tall.logs().slice(-2000)}` });
    adminToken = admin.body.accessToken;
  });

  afterAll(async () => {
    await accessLog?.close();
    await tall?.stop();
    await stores?.drop();
  });

  it('registers a student with canary personal data; the student reads it back', async () => {
    const registered = await call('POST', '/auth/register', undefined, {
      email: canary.email,
      password: PASSWORD,
      firstName: canary.firstName,
      lastName: canary.lastName,
      birthDate: '2007-03-14',
      locale: 'uk',
    });
    expect(registered.status).toBe(201);
    student = { id: registered.body.user.id, token: registered.body.accessToken };
    const own = await call('GET', '/pii/me', student.token);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ userId: student.id, firstName: canary.firstName, lastName: canary.lastName, email: canary.email, birthDate: '2007-03-14', locale: 'uk' });
    reads.push({ accessorRole: 'STUDENT', purpose: 'self-service' });
  });

  it('changes the email: the new one becomes the login (blind index through an event), the old one stops working', async () => {
    const changed = await call('PUT', '/pii/me', student.token, {
      firstName: canary.firstName,
      lastName: canary.lastName,
      email: canary.newEmail,
      birthDate: '2007-03-14',
      locale: 'uk',
    });
    expect(changed.status).toBe(200);
    reads.push({ accessorRole: 'STUDENT', purpose: 'self-service' });
    await waitFor(async () => (await login(canary.newEmail, PASSWORD)).status === 200, { what: 'login with the new email' });
    expect((await login(canary.email, PASSWORD)).status).toBe(401);
  });

  it('lets admins read it all, for a stated purpose', async () => {
    const byAdmin = await call('GET', `/pii/users/${student.id}?purpose=user-administration`, adminToken);
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body).toMatchObject({ email: canary.newEmail, birthDate: '2007-03-14' });
    reads.push({ accessorRole: 'TECH_ADMIN', purpose: 'user-administration' });
    expect((await call('GET', `/pii/users/${student.id}`, adminToken)).status).toBe(400);
  });

  it('lets a teacher read only the name, and only once the student is theirs', async () => {
    const teacherEmail = `e2e.teacher.${token()}@example.org`;
    const created = await call('POST', '/users', adminToken, { email: teacherEmail, role: 'TEACHER', firstName: 'Tea', lastName: 'Cher', password: PASSWORD });
    expect(created.status).toBe(201);
    const teacherId = created.body.id ?? created.body.user?.id;
    const teacherToken = (await login(teacherEmail, PASSWORD)).body.accessToken;
    const asTeacher = () => call('GET', `/pii/users/${student.id}?purpose=teaching`, teacherToken);

    expect((await asTeacher()).status).toBe(403);
    expect((await call('GET', `/pii/users/${student.id}?purpose=teaching`, student.token)).status).toBe(403);
    expect((await call('PUT', `/users/${teacherId}/students/${student.id}`, adminToken)).status).toBe(204);
    const byTeacher = await waitFor(async () => {
      const response = await asTeacher();
      return response.status === 200 && response;
    }, { what: 'pii to learn the teacher↔student link' });
    expect(byTeacher.body).toEqual({ userId: student.id, firstName: canary.firstName, lastName: canary.lastName });
    reads.push({ accessorRole: 'TEACHER', purpose: 'teaching' });
  });

  it('records every read on pii.access.log: who, role, fields, purpose — never a value', async () => {
    const count = (entries: Record<string, unknown>[], read: { accessorRole: string; purpose: string }) =>
      entries.filter((entry) => entry['accessorRole'] === read.accessorRole && entry['purpose'] === read.purpose).length;
    const expected = (read: { accessorRole: string; purpose: string }) => count(reads as never, read);
    const payloads = await waitFor(
      () => {
        const found = accessLog.messages
          .map((message) => message.value['payload'] as Record<string, unknown>)
          .filter((payload) => payload['subjectId'] === student.id);
        return reads.every((read) => count(found, read) >= expected(read)) && found;
      },
      { timeoutMs: 30_000, what: 'every read on pii.access.log' },
    );
    expect(reads.length).toBeGreaterThanOrEqual(3);
    for (const payload of payloads) {
      expect(payload).toEqual({
        accessorId: expect.any(String),
        accessorRole: expect.any(String),
        subjectId: student.id,
        fields: expect.arrayContaining(['firstName']),
        purpose: expect.any(String),
        at: expect.any(String),
      });
    }
    expect(payloads).toEqual(expect.arrayContaining([expect.objectContaining({ accessorId: student.id, accessorRole: 'STUDENT', purpose: 'self-service' })]));
    expect(findingsIn('pii.access.log', JSON.stringify(payloads), canaryValues)).toEqual([]);
  });

  it('exports everything, with a section for every context of the app', async () => {
    const info = (await call('GET', '/system/info', adminToken)).body as { modules: string[] };
    const exported = await call('GET', '/pii/me/export', student.token);
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({ format: 'tall.user-data-export.v1', userId: student.id });
    const contexts = exported.body.sections.map((section: { context: string }) => section.context);
    expect([...contexts].sort()).toEqual([...info.modules].sort());
    for (const section of exported.body.sections) {
      expect(section).toEqual(expect.objectContaining({ purposes: expect.any(Array), retention: expect.any(String), recipients: expect.any(Array) }));
    }
    const text = JSON.stringify(exported.body);
    for (const value of [canary.firstName, canary.lastName, canary.newEmail]) expect(text).toContain(value);
  });

  it('leaves no canary in PostgreSQL, MongoDB, Kafka or the logs', async () => {
    // Let the relay publish what is pending before Kafka is read.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const [postgres, mongo, kafka] = await Promise.all([dumpPostgres(stores.DATABASE_URL), dumpMongo(), dumpKafka()]);
    expect(postgres).toContain('pii.personal_data (');
    expect(kafka).toContain(student.id);
    expect([
      ...findingsIn('PostgreSQL', postgres, canaryValues),
      ...findingsIn('MongoDB', mongo, canaryValues),
      ...findingsIn('Kafka', kafka, canaryValues),
      ...findingsIn('logs', tall.logs(), canaryValues),
    ]).toEqual([]);
  });

  it('erases after re-authentication: nothing decryptable left, the token refused, login fails', async () => {
    expect((await call('DELETE', '/pii/me', student.token, { password: 'not-my-password' })).status).toBe(403);
    expect((await call('DELETE', '/pii/me', student.token, { password: PASSWORD })).status).toBe(204);

    // The account's sessions ended with it: its token is refused within seconds (issue 12), for the export and a second erase alike.
    await waitFor(async () => (await call('GET', '/pii/me/export', student.token)).status === 401, { timeoutMs: 5_000, what: 'the erased account’s token to be refused' });
    expect((await login(canary.newEmail, PASSWORD)).status).toBe(401);
    expect((await call('DELETE', '/pii/me', student.token, { password: PASSWORD })).status).toBe(401);
    expect((await call('GET', `/pii/users/${student.id}?purpose=user-administration`, adminToken)).status).toBe(410);

    const client = new Client({ connectionString: stores.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT (SELECT count(*) FROM pii.data_keys WHERE user_id = $1)::int AS keys,
                (SELECT count(*) FROM pii.personal_data WHERE user_id = $1)::int AS ciphertexts,
                (SELECT count(*) FROM pii.erasures WHERE user_id = $1)::int AS tombstones`,
        [student.id],
      );
      expect(rows[0]).toEqual({ keys: 0, ciphertexts: 0, tombstones: 1 });
    } finally {
      await client.end();
    }
    expect(findingsIn('logs', tall.logs(), canaryValues)).toEqual([]);
  });

  it('crypto-shreds when a TECH_ADMIN erases an account (user.deleted from profile)', async () => {
    const registered = await call('POST', '/auth/register', undefined, {
      email: `erased.${token()}@example.org`,
      password: PASSWORD,
      firstName: `Gone${token()}`,
      lastName: 'Soon',
    });
    expect(registered.status).toBe(201);
    const userId = registered.body.user.id as string;
    expect((await call('GET', `/pii/users/${userId}?purpose=user-administration`, adminToken)).status).toBe(200);
    expect((await call('DELETE', `/users/${userId}`, adminToken)).status).toBe(204);
    await waitFor(async () => (await call('GET', `/pii/users/${userId}?purpose=user-administration`, adminToken)).status === 410, {
      what: 'pii to shred on user.deleted',
    });
    // The sessions' end precedes user.deleted in profile's outbox: by now the erased user's token is refused.
    expect((await call('GET', '/pii/me/export', registered.body.accessToken)).status).toBe(401);
  });
});
