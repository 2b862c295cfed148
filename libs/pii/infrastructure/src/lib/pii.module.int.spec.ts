import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { createPgPool } from '@tall/platform/database';
import type { Principal } from '@tall/platform/auth';
import { createEvent } from '@tall/platform/event-contracts';
import { RpcClient } from '@tall/platform/rpc';
import { ScheduledJobs } from '@tall/platform/scheduling';
import { stackSecretStore } from '@tall/platform/test-app';
import { freshDatabase, waitFor } from '@tall/platform/testing';
import { EMAIL_BLIND_INDEX_SECRET, emailBlindIndex, ErasePersonalData, GetDisplayNames, RecordUserRoles, StorePersonalData } from '@tall/pii/contracts';
import { TeacherStudentLinked, TeacherStudentUnlinked, UserCreated, UserDeleted, UserRoleChanged, type UserRole } from '@tall/profile/contracts';
import { startPiiApp, type PiiTestApp } from '../test-support/pii-test-app';
import { TeacherLinksHandler, UserDeletedHandler, UserRolesHandler } from './events/pii-event-handlers';
import { piiIntegrityFailures } from './integrity-monitor';
import { KEY_ROTATION_JOB } from './pii-lifecycle';

describe('pii context (Nest app on PostgreSQL and Secrets Manager)', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let pii: PiiTestApp;
  let pool: Pool;
  let rpc: RpcClient;

  const canary = () => ({ first: `Cfirst${randomUUID().slice(0, 8)}`, last: `Clast${randomUUID().slice(0, 8)}`, email: `canary.${randomUUID().slice(0, 8)}@example.org` });
  const principal = (role: Principal['role'], userId: string = randomUUID()): Principal => ({ userId, role, sessionId: randomUUID() });
  const techAdmin = principal('TECH_ADMIN');
  const eduAdmin = principal('EDU_ADMIN');

  /** As profile does at registration: the personal data through the call, the role through `user.created`. */
  async function register(userId = randomUUID(), values = canary(), role: UserRole = 'STUDENT') {
    await rpc.call(StorePersonalData, { userId, firstName: values.first, lastName: values.last, email: values.email, birthDate: '2008-05-01' }, { principal: null, caller: 'profile' });
    await pii.app.get(UserRolesHandler).handle(profileEvent(UserCreated, { userId, role, origin: 'admin', createdAt: new Date().toISOString() }));
    return { userId, values, student: principal(role, userId) };
  }

  async function request(method: string, url: string, who?: Principal, payload?: unknown) {
    const headers: Record<string, string> = who ? { authorization: `Bearer ${await pii.tokenFor(who)}` } : {};
    if (payload !== undefined) headers['content-type'] = 'application/json';
    return pii.app.inject({ method: method as 'GET', url: `/api/v1/pii${url}`, headers, payload: payload === undefined ? undefined : JSON.stringify(payload) });
  }

  const outboxOf = async (type: string, key: string) =>
    (await pool.query<{ envelope: { payload: Record<string, unknown> } }>('SELECT envelope FROM pii.outbox WHERE type = $1 AND key = $2 ORDER BY seq', [type, key])).rows.map(
      (row) => row.envelope.payload,
    );

  const profileEvent = <C extends typeof TeacherStudentLinked | typeof TeacherStudentUnlinked | typeof UserDeleted | typeof UserCreated | typeof UserRoleChanged>(
    contract: C,
    payload: Parameters<typeof createEvent<C>>[1],
  ) =>
    createEvent(contract, payload, { key: randomUUID(), correlationId: randomUUID() });

  beforeAll(async () => {
    database = await freshDatabase('pii');
    pii = await startPiiApp({ databaseUrl: database.url });
    pool = createPgPool(database.url, 3, 'test');
    rpc = pii.app.get(RpcClient);
    await waitFor(async () => (await pii.app.inject({ method: 'GET', url: '/health/ready' })).statusCode === 200, { what: 'readiness' });
  });

  afterAll(async () => {
    await pii?.close();
    await pool?.end();
    await database?.drop();
  });

  it('is ready with the master key and the blind-index key loaded', async () => {
    const ready = (await pii.app.inject({ method: 'GET', url: '/health/ready' })).json();
    expect(ready.checks['pii-keys']).toMatchObject({ status: 'up' });
  });

  it('stores through the call contract and keeps no plaintext anywhere in the pii schema', async () => {
    const { userId, values } = await register();
    const { rows } = await pool.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'pii'`,
    );
    const dump: string[] = [];
    for (const { table_name: table, column_name: column } of rows) {
      const values = await pool.query(`SELECT "${column}"::text AS v FROM pii."${table}"`);
      dump.push(...values.rows.map((row) => String(row.v)));
    }
    const text = dump.join('\n').toLowerCase();
    for (const value of [values.first, values.last, values.email]) expect(text).not.toContain(value.toLowerCase());
    expect(await outboxOf('user.pii.updated', userId)).toEqual([{ userId, fields: ['firstName', 'lastName', 'email', 'birthDate'], at: expect.any(String) }]);
  });

  it('answers the owner, and records the read on the access log', async () => {
    const { userId, values, student } = await register();
    const response = await request('GET', '/me', student);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toMatchObject({ userId, firstName: values.first, lastName: values.last, email: values.email, birthDate: '2008-05-01', locale: null });
    expect(await outboxOf('pii.accessed', userId)).toEqual([
      { accessorId: userId, accessorRole: 'STUDENT', subjectId: userId, fields: ['firstName', 'lastName', 'email', 'birthDate', 'locale'], purpose: 'self-service', at: expect.any(String) },
    ]);
    expect((await request('GET', '/me')).statusCode).toBe(401);
  });

  it('changes the email: a new login blind index on an event, 409 for an email another user has', async () => {
    const { userId, values, student } = await register();
    const other = await register();
    const newEmail = `new.${randomUUID().slice(0, 8)}@example.org`;
    const body = { firstName: values.first, lastName: values.last, email: newEmail, locale: 'nl' };
    const response = await request('PUT', '/me', student, body);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ email: newEmail, locale: 'nl', birthDate: null });
    const key = (await stackSecretStore().getSecret(EMAIL_BLIND_INDEX_SECRET)).value;
    expect(await outboxOf('user.pii.emailIndexChanged', userId)).toEqual([{ userId, emailBlindIndex: emailBlindIndex(key, newEmail), at: expect.any(String) }]);
    expect((await outboxOf('user.pii.updated', userId)).at(-1)).toMatchObject({ fields: ['email', 'birthDate', 'locale'] });

    // Emails match whatever their case (clients trim what people typed; the API takes the address as sent).
    const taken = await request('PUT', '/me', student, { ...body, email: other.values.email.toUpperCase() });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('EMAIL_TAKEN');
    expect((await request('PUT', '/me', student, { ...body, nickname: 'x' })).statusCode).toBe(400);
  });

  it('lets admins read a user for a stated purpose, and a teacher only the name of their own students', async () => {
    const { userId, values } = await register();
    const teacher = principal('TEACHER');
    const url = `/users/${userId}?purpose=teaching`;

    expect((await request('GET', `/users/${userId}`, eduAdmin)).statusCode).toBe(400);
    const byAdmin = await request('GET', `/users/${userId}?purpose=user-administration`, eduAdmin);
    expect(byAdmin.json()).toMatchObject({ email: values.email, birthDate: '2008-05-01' });
    expect((await request('GET', url, teacher)).statusCode).toBe(403);
    expect((await request('GET', url, principal('STUDENT'))).statusCode).toBe(403);

    const links = pii.app.get(TeacherLinksHandler);
    const linked = profileEvent(TeacherStudentLinked, { teacherId: teacher.userId, studentId: userId });
    await links.handle(linked);
    const byTeacher = await request('GET', url, teacher);
    expect(byTeacher.statusCode).toBe(200);
    expect(byTeacher.json()).toEqual({ userId, firstName: values.first, lastName: values.last });

    await links.handle(profileEvent(TeacherStudentUnlinked, { teacherId: teacher.userId, studentId: userId, reason: 'unlinked' }));
    await links.handle(linked); // redelivered: applied once only
    expect((await request('GET', url, teacher)).statusCode).toBe(403);

    expect(await outboxOf('pii.accessed', userId)).toEqual([
      expect.objectContaining({ accessorId: eduAdmin.userId, accessorRole: 'EDU_ADMIN', purpose: 'user-administration' }),
      expect.objectContaining({ accessorId: teacher.userId, accessorRole: 'TEACHER', fields: ['firstName', 'lastName'], purpose: 'teaching' }),
    ]);
  });

  it('gives display names to another context for a purpose, within the forwarded reader’s rights', async () => {
    const a = await register();
    const b = await register();
    const all = await rpc.call(GetDisplayNames, { userIds: [a.userId, b.userId, randomUUID()], purpose: 'user-administration' }, { principal: eduAdmin, caller: 'profile' });
    expect(all.names.map((name) => name.userId).sort()).toEqual([a.userId, b.userId].sort());
    const own = await rpc.call(GetDisplayNames, { userIds: [a.userId, b.userId], purpose: 'self-service' }, { principal: a.student });
    expect(own.names).toEqual([{ userId: a.userId, firstName: a.values.first, lastName: a.values.last }]);
  });

  it('reads for an EDU_ADMIN only teachers’ and students’ data, following the roles profile publishes', async () => {
    const { userId } = await register();
    const url = `/users/${userId}?purpose=user-administration`;
    const names = async (who: Principal) => (await rpc.call(GetDisplayNames, { userIds: [userId], purpose: 'user-administration' }, { principal: who, caller: 'profile' })).names;
    expect((await request('GET', url, eduAdmin)).statusCode).toBe(200);
    expect(await names(eduAdmin)).toHaveLength(1);

    const roles = pii.app.get(UserRolesHandler);
    const promoted = profileEvent(UserRoleChanged, { userId, previousRole: 'STUDENT', role: 'TECH_ADMIN' });
    await roles.handle(promoted);
    const refused = await request('GET', url, eduAdmin);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN', correlationId: expect.any(String) });
    expect(await names(eduAdmin)).toEqual([]);
    expect((await request('GET', url, techAdmin)).statusCode).toBe(200);
    expect(await names(techAdmin)).toHaveLength(1);

    // Demoted again: readable again; a redelivered promotion is applied once only.
    await roles.handle(profileEvent(UserRoleChanged, { userId, previousRole: 'TECH_ADMIN', role: 'TEACHER' }));
    await roles.handle(promoted);
    expect((await request('GET', url, eduAdmin)).statusCode).toBe(200);
    expect((await pool.query('SELECT role FROM pii.user_roles WHERE user_id = $1', [userId])).rows).toEqual([{ role: 'TEACHER' }]);
  });

  it('records the roles profile backfills for accounts it has no role of, never overwriting one, and only from profile', async () => {
    const userId = randomUUID();
    const values = canary();
    await rpc.call(StorePersonalData, { userId, firstName: values.first, lastName: values.last, email: values.email }, { principal: null, caller: 'profile' });
    const promoted = await register(randomUUID(), canary(), 'TECH_ADMIN');
    const erased = await register();
    await pii.app.get(UserDeletedHandler).handle(profileEvent(UserDeleted, { userId: erased.userId, role: 'STUDENT', deletedAt: new Date().toISOString() }));
    const url = `/users/${userId}?purpose=user-administration`;
    // An account from before pii kept roles: no role learnt, refused to an EDU_ADMIN.
    expect((await request('GET', url, eduAdmin)).statusCode).toBe(403);

    const users = [
      { userId, role: 'STUDENT' as const },
      { userId: promoted.userId, role: 'STUDENT' as const },
      { userId: erased.userId, role: 'STUDENT' as const },
    ];
    for (const [options, status] of [
      [{ principal: null, caller: 'progress' }, 403],
      [{ principal: null }, 403],
      [{ principal: techAdmin, caller: 'profile' }, 403],
    ] as const) {
      expect({ options, answer: await rpc.call(RecordUserRoles, { users }, options).catch((error) => error) }).toMatchObject({ options, answer: { status, code: 'FORBIDDEN' } });
    }
    expect((await request('GET', url, eduAdmin)).statusCode).toBe(403);
    const invalid = await rpc.call(RecordUserRoles, { users: [{ userId, role: 'ROOT' as 'STUDENT' }] }, { principal: null, caller: 'profile' }).catch((error) => error);
    expect(invalid).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const twice = await rpc.call(RecordUserRoles, { users: [users[0], users[0]] }, { principal: null, caller: 'profile' }).catch((error) => error);
    expect(twice).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });

    expect(await rpc.call(RecordUserRoles, { users }, { principal: null, caller: 'profile' })).toEqual({ recorded: 1 });
    expect((await request('GET', url, eduAdmin)).statusCode).toBe(200);
    const roles = await pool.query('SELECT user_id, role FROM pii.user_roles WHERE user_id = ANY($1::uuid[]) ORDER BY role', [users.map((user) => user.userId)]);
    expect(roles.rows).toEqual([
      { user_id: userId, role: 'STUDENT' },
      { user_id: promoted.userId, role: 'TECH_ADMIN' },
    ]);
    expect(await rpc.call(RecordUserRoles, { users }, { principal: null, caller: 'profile' })).toEqual({ recorded: 0 });
  });

  it('rejects a tampered ciphertext with a clear error, logged and counted, never garbage', async () => {
    const { userId, student } = await register();
    const failures = async () =>
      (await piiIntegrityFailures().get()).values.find((value) => value.labels['what'] === 'lastName' && value.labels['kind'] === 'tampered')?.value ?? 0;
    const before = await failures();
    await pool.query(`UPDATE pii.personal_data SET last_name = set_byte(last_name, 40, get_byte(last_name, 40) # 1) WHERE user_id = $1`, [userId]);
    const response = await request('GET', '/me', student);
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ code: 'PII_INTEGRITY_FAILURE' });
    expect(await failures()).toBe(before + 1);
    const metrics = await pii.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/tall_pii_integrity_failures_total\{what="lastName",kind="tampered"\} [1-9]/);

    // A data key moved to another user does not open either.
    const victim = await register();
    await pool.query(
      `UPDATE pii.data_keys SET wrapped_key = (SELECT wrapped_key FROM pii.data_keys WHERE user_id = $1) WHERE user_id = $2`,
      [userId, victim.userId],
    );
    expect((await request('GET', '/me', victim.student)).json().code).toBe('PII_INTEGRITY_FAILURE');
    await pool.query('DELETE FROM pii.personal_data WHERE user_id = ANY($1::uuid[])', [[userId, victim.userId]]);
    await pool.query('DELETE FROM pii.data_keys WHERE user_id = ANY($1::uuid[])', [[userId, victim.userId]]);
  });

  it('rotates the master key without downtime: all data keys re-wrapped, old data reads, old version retired', async () => {
    const users = await Promise.all(Array.from({ length: 12 }, () => register()));
    const secrets = stackSecretStore();
    const versionsBefore = await secrets.listVersionIds(pii.masterKeySecret);
    expect((await request('POST', '/keys/rotate', eduAdmin)).statusCode).toBe(403);

    let stop = false;
    const reads: number[] = [];
    const reader = (async () => {
      while (!stop) {
        const user = users[reads.length % users.length];
        reads.push((await request('GET', '/me', user.student)).statusCode);
      }
    })();
    const response = await request('POST', '/keys/rotate', techAdmin, { reason: 'integration test: rotation without downtime' });
    stop = true;
    await reader;

    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result.rewrappedDataKeys).toBeGreaterThanOrEqual(users.length);
    expect(result).toMatchObject({ remaining: 0, previousVersions: versionsBefore });
    expect(result.retiredVersions).toEqual(versionsBefore);
    expect(await secrets.listVersionIds(pii.masterKeySecret)).toEqual([...versionsBefore, result.masterKeyVersion]);
    const { rows } = await pool.query('SELECT DISTINCT master_version FROM pii.data_keys');
    expect(rows).toEqual([{ master_version: result.masterKeyVersion }]);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((status) => status === 200)).toBe(true);
    for (const user of users) expect((await request('GET', '/me', user.student)).json().lastName).toBe(user.values.last);
  });

  it('refuses a manual rotation within an hour unless forced, wants a reason, and audits every rotation', async () => {
    const rotate = (body?: unknown) => request('POST', '/keys/rotate', techAdmin, body);
    for (const body of [undefined, {}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(501) }, { reason: 'ok', force: 'yes' }, { reason: 'ok', extra: 1 }]) {
      const invalid = await rotate(body);
      expect({ body, status: invalid.statusCode }).toEqual({ body, status: 400 });
      expect(invalid.json()).toMatchObject({ code: expect.any(String), correlationId: expect.any(String) });
    }
    const [last] = (await pool.query<{ rotated_at: Date }>('SELECT rotated_at FROM pii.key_rotations ORDER BY rotated_at DESC LIMIT 1')).rows;
    expect(last).toBeDefined(); // the rotation of the test before, less than an hour ago

    const tooSoon = await rotate({ reason: 'routine rotation' });
    expect(tooSoon.statusCode).toBe(409);
    const nextAllowedAt = new Date(last.rotated_at.getTime() + 3_600_000).toISOString();
    expect(tooSoon.json()).toMatchObject({ code: 'ROTATION_TOO_SOON', details: { lastRotationAt: last.rotated_at.toISOString(), nextAllowedAt } });
    expect(Number(tooSoon.headers['retry-after'])).toBeGreaterThan(3_000);

    const forced = await rotate({ reason: '  key material seen in a support ticket  ', force: true });
    expect(forced.statusCode).toBe(200);
    expect((await rotate({ reason: 'and again', force: false })).statusCode).toBe(409);

    const { rows } = await pool.query('SELECT trigger, rotated_by, rotated_by_role, reason, forced, master_key_version FROM pii.key_rotations ORDER BY rotated_at');
    expect(rows.slice(-2)).toEqual([
      { trigger: 'manual', rotated_by: techAdmin.userId, rotated_by_role: 'TECH_ADMIN', reason: 'integration test: rotation without downtime', forced: false, master_key_version: expect.any(String) },
      { trigger: 'manual', rotated_by: techAdmin.userId, rotated_by_role: 'TECH_ADMIN', reason: 'key material seen in a support ticket', forced: true, master_key_version: forced.json().masterKeyVersion },
    ]);
    expect((await outboxOf('pii.masterKeyRotated', 'pii-master-key')).slice(-1)).toEqual([
      {
        rotatedBy: techAdmin.userId,
        rotatedByRole: 'TECH_ADMIN',
        trigger: 'manual',
        reason: 'key material seen in a support ticket',
        forced: true,
        masterKeyVersion: forced.json().masterKeyVersion,
        previousVersions: expect.any(Array),
        at: expect.any(String),
      },
    ]);
  });

  it('checks the master key age daily (the 90-day rotation), by the scheduler, once per day', async () => {
    const jobs = pii.app.get(ScheduledJobs);
    expect(jobs.list().map((job) => job.name)).toContain(KEY_ROTATION_JOB);
    const rotations = async () => (await pool.query('SELECT count(*)::int AS n FROM pii.key_rotations')).rows[0].n as number;
    const before = await rotations();
    const run = await jobs.runNow(KEY_ROTATION_JOB);
    expect(run).toMatchObject({ status: 'succeeded', periodKey: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    // Run again by force: still at most one scheduled rotation per interval.
    expect(await jobs.runNow(KEY_ROTATION_JOB, { force: true })).toMatchObject({ status: 'succeeded' });
    // The current version is young: nothing rotated, nothing left to re-wrap.
    expect(await rotations()).toBe(before);
    const { rows } = await pool.query('SELECT count(DISTINCT master_version)::int AS versions FROM pii.data_keys');
    expect(rows[0].versions).toBeLessThanOrEqual(1);
  });

  it('exports a section per context of the catalog, with the user’s data', async () => {
    const { userId, values, student } = await register();
    const response = await request('GET', '/me/export', student);
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document).toMatchObject({ format: 'tall.user-data-export.v1', userId });
    expect(document.sections.map((section: { context: string }) => section.context).sort()).toEqual(['pii', 'profile']);
    const piiSection = document.sections.find((section: { context: string }) => section.context === 'pii');
    expect(piiSection.data.personalData).toMatchObject({ firstName: values.first, lastName: values.last, email: values.email });
    expect(piiSection.purposes.length).toBeGreaterThan(0);
  });

  it('erases at once when profile asks for the user themself: data key gone, export and reads answer 410', async () => {
    const { userId, student } = await register();
    const forSomeoneElse = await rpc.call(ErasePersonalData, { userId }, { principal: principal('STUDENT'), caller: 'profile' }).catch((error) => error);
    expect(forSomeoneElse).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(await rpc.call(ErasePersonalData, { userId }, { principal: student, caller: 'profile' })).toEqual({ erased: true });

    const left = await pool.query(
      `SELECT (SELECT count(*) FROM pii.data_keys WHERE user_id = $1)::int AS keys, (SELECT count(*) FROM pii.personal_data WHERE user_id = $1)::int AS data`,
      [userId],
    );
    expect(left.rows[0]).toEqual({ keys: 0, data: 0 });
    expect((await request('GET', '/me/export', student)).statusCode).toBe(410);
    const read = await request('GET', '/me', student);
    expect(read.statusCode).toBe(410);
    expect(read.json()).toMatchObject({ code: 'PII_ERASED', message: "This user's personal data was erased" });
    expect(await rpc.call(ErasePersonalData, { userId }, { principal: student, caller: 'profile' })).toEqual({ erased: false });
    expect(await outboxOf('user.pii.erased', userId)).toEqual([{ userId, erasedAt: expect.any(String) }]);
    const { rows } = await pool.query('SELECT reason FROM pii.erasures WHERE user_id = $1', [userId]);
    expect(rows).toEqual([{ reason: 'self-erasure' }]);
    // The account and its re-authentication are profile's: pii serves no erase route (its /me answers other methods: 405).
    expect((await request('DELETE', '/me', student, { password: 'anything' })).statusCode).toBe(405);
  });

  it('crypto-shreds on user.deleted from profile (an admin’s erase), once', async () => {
    const { userId } = await register();
    const handler = pii.app.get(UserDeletedHandler);
    const event = profileEvent(UserDeleted, { userId, role: 'STUDENT', deletedAt: new Date().toISOString() });
    await handler.handle(event);
    await handler.handle(event);
    expect((await pool.query('SELECT count(*)::int AS n FROM pii.data_keys WHERE user_id = $1', [userId])).rows[0].n).toBe(0);
    expect((await pool.query('SELECT count(*)::int AS n FROM pii.user_roles WHERE user_id = $1', [userId])).rows[0].n).toBe(0);
    expect((await request('GET', `/users/${userId}?purpose=user-administration`, techAdmin)).statusCode).toBe(410);
    expect(await outboxOf('user.pii.erased', userId)).toHaveLength(1);
  });
});
