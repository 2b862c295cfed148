import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CLIENT_VERSION_POLICY, type ClientVersionPolicy } from '@tall/platform/http';
import { RpcClient } from '@tall/platform/rpc';
import { waitFor } from '@tall/platform/testing';
import {
  BackfillPiiRolesCommand,
  ChangeRoleCommand,
  DeleteUserCommand,
  EMAIL_INDEXER,
  LinkStudentCommand,
  ListStudentsQuery,
  PII_ROLES_BACKFILL_TASK,
  UnlinkStudentCommand,
  UpdateEmailIndexCommand,
  type EmailIndexer,
} from '@tall/profile/application';
import { ExportProfileData, GetClientVersions } from '@tall/profile/contracts';
import { runProfileHousekeeping } from './housekeeping/profile-housekeeping';
import { PROFILE_DATA_SOURCE } from './profile-tokens';
import { startProfileTestApp, type ProfileTestApp } from '../test-support/profile-test-app';

/** The profile module on real PostgreSQL with a fake pii: the flows end to end, through HTTP injection. */
describe('ProfileModule (integration)', () => {
  let t: ProfileTestApp;
  let counter = 0;
  const email = () => `student${++counter}.${Date.now()}@school.example`;

  beforeAll(async () => {
    t = await startProfileTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, token?: string) => {
    const response = await t.app.inject({
      method,
      url: `/api/v1${url}`,
      ...(body === undefined ? {} : { payload: body as object }),
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: response.statusCode, body: response.body ? response.json() : undefined, headers: response.headers };
  };
  const register = (address = email(), password = 'correct horse battery') =>
    call('POST', '/auth/register', { email: address, password, firstName: 'Ada', lastName: 'Lovelace' });
  const outbox = async (type: string) =>
    (await t.pool.query(`SELECT envelope FROM profile.outbox WHERE type = $1 ORDER BY seq`, [type])).rows.map((row) => row.envelope);

  it('registers a student, signs them in and publishes user.created with ids only', async () => {
    const address = email();
    const registered = await register(address);
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ user: { id: expect.any(String), role: 'STUDENT' }, accessTokenExpiresIn: 900 });
    const me = await call('GET', '/users/me', undefined, registered.body.accessToken);
    expect(me.body).toMatchObject({ id: registered.body.user.id, role: 'STUDENT', status: 'active' });
    const [created] = (await outbox('user.created')).filter((event) => event.key === registered.body.user.id);
    expect(created.payload).toEqual({ userId: registered.body.user.id, role: 'STUDENT', origin: 'registration', createdAt: expect.any(String) });
    expect(JSON.stringify(await t.pool.query('SELECT * FROM profile.users'))).not.toContain(address);
    expect(t.pii.people.get(registered.body.user.id)).toMatchObject({ email: address, firstName: 'Ada' });

    const again = await register(address.toUpperCase());
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EMAIL_TAKEN');
  });

  it('stores argon2id with m=19456, t=2, p=1', async () => {
    const registered = await register();
    const { rows } = await t.pool.query('SELECT password_hash FROM profile.users WHERE id = $1', [registered.body.user.id]);
    const [, algorithm, version, parameters] = (rows[0].password_hash as string).split('$');
    expect({ algorithm, version }).toEqual({ algorithm: 'argon2id', version: 'v=19' });
    // argon2 writes them as m,p,t: compare as a set.
    expect(Object.fromEntries(parameters.split(',').map((pair) => pair.split('=')))).toEqual({ m: '19456', t: '2', p: '1' });
  });

  it('refuses common and short passwords', async () => {
    // Well-formed, but refused by a rule the schema cannot state: 422, as for other domain rules.
    const common = await register(email(), 'Password123');
    expect(common.status).toBe(422);
    expect(common.body.code).toBe('PASSWORD_TOO_COMMON');
    expect((await register(email(), 'short')).status).toBe(400);
  });

  it('drops the reservation when pii refuses, so the email can register later', async () => {
    const address = email();
    t.pii.failNextStore = true;
    expect((await register(address)).status).toBe(503);
    expect((await register(address)).status).toBe(201);
  });

  it('frees an email held by a registration abandoned halfway, and tells pii to erase it', async () => {
    const address = email();
    const index = await t.app.get<EmailIndexer>(EMAIL_INDEXER).indexOf(address);
    const abandoned = '11111111-2222-4333-8444-555555555555';
    await t.pool.query(
      `INSERT INTO profile.users (id, role, status, email_index, password_hash, created_at, updated_at)
       VALUES ($1, 'STUDENT', 'pending', $2, 'x', now() - interval '1 hour', now() - interval '1 hour')`,
      [abandoned, index],
    );
    const fresh = (await register(address.toUpperCase())).body;
    expect(fresh.user.id).not.toBe(abandoned);
    expect((await outbox('user.deleted')).map((event) => event.payload.userId)).toContain(abandoned);
    // A recent reservation is someone registering right now: the email stays taken.
    const other = email();
    await t.pool.query(
      `INSERT INTO profile.users (id, role, status, email_index, password_hash, created_at, updated_at) VALUES (gen_random_uuid(), 'STUDENT', 'pending', $1, 'x', now(), now())`,
      [await t.app.get<EmailIndexer>(EMAIL_INDEXER).indexOf(other)],
    );
    expect((await register(other)).status).toBe(409);
  });

  it('answers a wrong password and an unknown email alike, then locks after five failures', async () => {
    const address = email();
    await register(address);
    const wrong = await call('POST', '/auth/login', { email: address, password: 'not the password' });
    const unknown = await call('POST', '/auth/login', { email: email(), password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const { correlationId: _a, ...wrongBody } = wrong.body;
    const { correlationId: _b, ...unknownBody } = unknown.body;
    expect(wrongBody).toEqual(unknownBody);

    for (let attempt = 2; attempt <= 5; attempt++) {
      expect((await call('POST', '/auth/login', { email: address, password: 'not the password' })).status).toBe(401);
    }
    const locked = await call('POST', '/auth/login', { email: address, password: 'correct horse battery' });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    expect((await outbox('account.locked')).length).toBeGreaterThanOrEqual(1);
  });

  it('rotates refresh tokens and revokes the whole family when a spent one comes back', async () => {
    const first = (await register()).body;
    const second = await call('POST', '/auth/refresh', { refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    const reuse = await call('POST', '/auth/refresh', { refreshToken: first.refreshToken });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');
    const newest = await call('POST', '/auth/refresh', { refreshToken: second.body.refreshToken });
    expect(newest.status).toBe(401);
    expect((await outbox('refresh.reused')).some((event) => event.payload.userId === first.user.id)).toBe(true);
  });

  it('lets exactly one of concurrent refreshes with one token succeed', async () => {
    const { refreshToken } = (await register()).body;
    const results = await Promise.all(Array.from({ length: 5 }, () => call('POST', '/auth/refresh', { refreshToken })));
    expect(results.filter((result) => result.status === 200)).toHaveLength(1);
    expect(results.filter((result) => result.status === 401)).toHaveLength(4);
  });

  it('changes a password and ends the other sessions, keeping this one', async () => {
    const address = email();
    const a = (await register(address)).body;
    const b = (await call('POST', '/auth/login', { email: address, password: 'correct horse battery', deviceId: 'phone-1', deviceName: 'Phone' })).body;
    const sessions = await call('GET', '/auth/sessions', undefined, a.accessToken);
    expect(sessions.body.items).toHaveLength(2);
    expect(sessions.body.items.find((item: { current: boolean }) => item.current)).toBeDefined();
    const wrong = await call('POST', '/auth/password', { currentPassword: 'nope nope nope', newPassword: 'a new long passphrase' }, a.accessToken);
    expect(wrong.status).toBe(403);
    expect((await call('POST', '/auth/password', { currentPassword: 'correct horse battery', newPassword: 'a new long passphrase' }, a.accessToken)).status).toBe(204);
    expect((await call('POST', '/auth/refresh', { refreshToken: b.refreshToken })).status).toBe(401);
    expect((await call('POST', '/auth/refresh', { refreshToken: a.refreshToken })).status).toBe(200);
    expect((await call('POST', '/auth/login', { email: address, password: 'a new long passphrase' })).status).toBe(200);
  });

  it('links and unlinks a student, publishing each change once', async () => {
    const commands = t.app.get(CommandBus);
    const teacher = (await register()).body.user.id as string;
    const student = (await register()).body.user.id as string;
    await t.pool.query(`UPDATE profile.users SET role = 'TEACHER' WHERE id = $1`, [teacher]);
    const admin = { userId: 'admin', role: 'EDU_ADMIN' as const };
    await commands.execute(new LinkStudentCommand(admin, teacher, student));
    await commands.execute(new LinkStudentCommand(admin, teacher, student));
    expect((await t.app.get(QueryBus).execute(new ListStudentsQuery(admin, teacher))).items).toEqual([
      { id: student, status: 'active', linkedAt: expect.any(String) },
    ]);
    await commands.execute(new UnlinkStudentCommand(admin, teacher, student));
    await commands.execute(new UnlinkStudentCommand(admin, teacher, student));
    expect((await outbox('teacher.studentLinked')).filter((event) => event.payload.studentId === student)).toHaveLength(1);
    expect((await outbox('teacher.studentUnlinked')).filter((event) => event.payload.studentId === student)).toHaveLength(1);

    // A role change and an erasure take the links they break with them, and say so.
    const other = (await register()).body.user.id as string;
    await commands.execute(new LinkStudentCommand(admin, teacher, student));
    await commands.execute(new LinkStudentCommand(admin, teacher, other));
    await commands.execute(new ChangeRoleCommand({ userId: 'admin', role: 'TECH_ADMIN' }, student, 'TEACHER'));
    await commands.execute(new DeleteUserCommand({ userId: 'admin', role: 'TECH_ADMIN' }, teacher));
    const unlinked = (await outbox('teacher.studentUnlinked')).filter((event) => event.payload.teacherId === teacher).map((event) => event.payload);
    expect(unlinked).toEqual(
      expect.arrayContaining([
        { teacherId: teacher, studentId: student, reason: 'roleChanged' },
        { teacherId: teacher, studentId: other, reason: 'userDeleted' },
      ]),
    );
    expect((await t.pool.query('SELECT count(*)::int AS links FROM profile.teacher_students WHERE teacher_id = $1', [teacher])).rows[0].links).toBe(0);
  });

  it('applies the email index pii publishes, once', async () => {
    const registered = (await register()).body;
    const index = 'a'.repeat(64);
    const update = () => t.app.get(CommandBus).execute(new UpdateEmailIndexCommand('00000000-0000-4000-8000-000000000001', 'test', registered.user.id, index));
    expect(await update()).toBe('updated');
    expect(await update()).toBe('alreadyApplied');
    const { rows } = await t.pool.query('SELECT email_index FROM profile.users WHERE id = $1', [registered.user.id]);
    expect(rows[0].email_index).toBe(index);
  });

  it('answers the calls of other contexts through the same use cases', async () => {
    const rpc = t.app.get(RpcClient);
    const registered = (await register()).body;
    const userId = registered.user.id as string;
    const options = { caller: 'pii', principal: null };
    await expect(rpc.call(GetClientVersions, {}, options)).resolves.toEqual({ web: expect.any(String), android: expect.any(String), desktop: expect.any(String) });
    const section = await rpc.call(ExportProfileData, { userId }, options);
    expect(section.data).toMatchObject({ account: { id: userId, role: 'STUDENT', status: 'active' } });
  });

  it('lets a TECH_ADMIN raise a minimum client version, enforced on this instance at once', async () => {
    const address = email();
    const admin = (await register(address)).body.user.id as string;
    await t.pool.query(`UPDATE profile.users SET role = 'TECH_ADMIN' WHERE id = $1`, [admin]);
    const token = (await call('POST', '/auth/login', { email: address, password: 'correct horse battery' })).body.accessToken;
    const updated = await call('PUT', '/client-versions', { desktop: '3.1.0' }, token);
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual({ web: '1.0.0', android: '1.0.0', desktop: '3.1.0' });
    expect((await call('GET', '/client-versions')).body).toEqual(updated.body);
    expect(t.app.get<ClientVersionPolicy>(CLIENT_VERSION_POLICY).minimumVersion('desktop')).toBe('3.1.0');
  });

  it('forgets old sign-in failures, expired refresh tokens and long-ended sessions', async () => {
    const user = (await register()).body.user.id as string;
    await t.pool.query(`INSERT INTO profile.login_failures (email_index, failed_at) VALUES ($1, now() - interval '2 days')`, ['b'.repeat(64)]);
    await t.pool.query(
      `INSERT INTO profile.sessions (id, user_id, created_at, last_used_at, expires_at, revoked_at)
       VALUES (gen_random_uuid(), $1, now() - interval '60 days', now() - interval '60 days', now() - interval '50 days', NULL)`,
      [user],
    );
    const removed = await runProfileHousekeeping(t.app.get(PROFILE_DATA_SOURCE));
    expect(removed.loginFailures).toBeGreaterThanOrEqual(1);
    expect(removed.sessions).toBeGreaterThanOrEqual(1);
    const { rows } = await t.pool.query('SELECT count(*)::int AS live FROM profile.sessions WHERE user_id = $1', [user]);
    expect(rows[0].live).toBe(1);
  });

  it('sends every existing account’s role to pii once per database, done only when pii accepted them all', async () => {
    const ledger = async () => (await t.pool.query('SELECT completed_at FROM profile.one_time_tasks WHERE name = $1', [PII_ROLES_BACKFILL_TASK])).rows;
    // At start, in the background, on this database that had no account yet.
    await waitFor(async () => (await ledger()).length === 1, { what: 'the backfill at start' });

    // A database from before pii kept roles: accounts pii has no role of, and no ledger entry.
    const [active, disabled, deleted] = await Promise.all([register(), register(), register()]).then((answers) => answers.map((answer) => answer.body.user.id as string));
    await t.pool.query(`UPDATE profile.users SET status = 'disabled' WHERE id = $1`, [disabled]);
    await t.pool.query(`UPDATE profile.users SET status = 'deleted', email_index = NULL, password_hash = NULL WHERE id = $1`, [deleted]);
    await t.pool.query(`UPDATE profile.users SET role = 'TEACHER' WHERE id = $1`, [active]);
    const pending = (
      await t.pool.query(
        `INSERT INTO profile.users (id, role, status, email_index, password_hash, created_at, updated_at)
         VALUES (gen_random_uuid(), 'STUDENT', 'pending', $1, 'x', now(), now()) RETURNING id`,
        [await t.app.get<EmailIndexer>(EMAIL_INDEXER).indexOf(email())],
      )
    ).rows[0].id as string;
    await t.pool.query('DELETE FROM profile.one_time_tasks');
    t.pii.roles.clear();
    t.pii.roleCalls.length = 0;
    const commands = t.app.get(CommandBus);

    t.pii.rolesUnavailable = true;
    await expect(commands.execute(new BackfillPiiRolesCommand(2))).rejects.toMatchObject({ status: 503 });
    expect(await ledger()).toEqual([]);

    t.pii.rolesUnavailable = false;
    const outcome = await commands.execute(new BackfillPiiRolesCommand(2));
    const existing = await t.pool.query<{ id: string; role: string }>(`SELECT id, role FROM profile.users WHERE status IN ('active', 'disabled')`);
    expect(outcome).toEqual({ ran: true, accounts: existing.rowCount, batches: Math.ceil((existing.rowCount ?? 0) / 2), recorded: existing.rowCount });
    expect(Object.fromEntries(t.pii.roles)).toEqual(Object.fromEntries(existing.rows.map((row) => [row.id, row.role])));
    expect(t.pii.roles.get(active)).toBe('TEACHER');
    expect(t.pii.roles.get(disabled)).toBe('STUDENT');
    // Neither an erased account nor a registration still under way.
    expect(t.pii.roles.has(deleted)).toBe(false);
    expect(t.pii.roles.has(pending)).toBe(false);
    // As the system, never on behalf of a user: pii accepts roles only that way.
    expect(new Set(t.pii.roleCalls.map(({ caller, principal }) => `${caller}:${principal}`))).toEqual(new Set(['profile:undefined']));
    expect(await ledger()).toEqual([{ completed_at: expect.any(Date) }]);

    const calls = t.pii.roleCalls.length;
    expect(await commands.execute(new BackfillPiiRolesCommand())).toEqual({ ran: false });
    expect(t.pii.roleCalls).toHaveLength(calls);
  });
});

describe('ProfileModule (integration) with ADMIN_EMAIL', () => {
  let t: ProfileTestApp;

  afterAll(async () => {
    await t?.close();
  });

  it('creates the first TECH_ADMIN while the application starts', async () => {
    const admin = { email: `admin.${Date.now()}@school.example`, password: 'an admin passphrase' };
    t = await startProfileTestApp({ admin });
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: admin });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.role).toBe('TECH_ADMIN');
  });
});
