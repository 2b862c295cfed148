import { randomUUID } from 'node:crypto';
import { waitFor } from '@tall/platform/testing';
import { isolatedStores, startTall, type TallProcess } from '../support/tall-process';
import { ACTORS, IdentityApi, newEmail, PASSWORD, type Actor, type Answer, type Role, type SignedIn } from './support/identity-api';

/**
 * Issue 3, "Done when": every route of the identity table, called by every role and by no one,
 * black-box against the built API. Allowed callers must succeed; everyone else gets 401 (no
 * token) or 403 (wrong role or not theirs) — and not a single unauthorized 2xx.
 */
const ADMIN_EMAIL = newEmail('root');
const ADMIN_PASSWORD = 'the first admin passphrase';
const ROLES: readonly Role[] = ['STUDENT', 'TEACHER', 'EDU_ADMIN', 'TECH_ADMIN'];
const SIGNED_IN: readonly Actor[] = ROLES;
const ADMINS: readonly Actor[] = ['EDU_ADMIN', 'TECH_ADMIN'];
const TECH: readonly Actor[] = ['TECH_ADMIN'];

interface Case {
  /** `METHOD /path` as in OpenAPI, plus what varies. */
  route: string;
  variant?: string;
  allowed: readonly Actor[];
  success: number;
  run: (actor: Actor, token: string | undefined) => Promise<Answer>;
}

interface Outcome {
  route: string;
  actor: Actor;
  allowed: boolean;
  status: number;
  code?: string;
}

describe('identity role matrix, black-box (issue 3)', () => {
  let tall: TallProcess;
  let stores: Awaited<ReturnType<typeof isolatedStores>>;
  let api: IdentityApi;
  let admin: SignedIn;
  const users = {} as Record<Role, SignedIn>;
  let otherTeacher: SignedIn;
  const outcomes: Outcome[] = [];

  beforeAll(async () => {
    stores = await isolatedStores('identity_matrix');
    tall = await startTall({
      DATABASE_URL: stores.DATABASE_URL,
      MONGODB_URI: stores.MONGODB_URI,
      CRON_ENABLED: 'false',
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      // The matrix signs the same accounts in many times a minute.
      AUTH_ACCOUNT_RATE_LIMIT_PER_MINUTE: '100000',
      // No static ops token: the operations routes are TECH_ADMIN's alone here.
      OPS_API_TOKEN: '',
    });
    api = new IdentityApi(tall.url);
    await waitFor(async () => (await fetch(`${tall.url}/health/ready`)).ok, { timeoutMs: 60_000, what: 'Tall to be ready' });
    admin = await api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    users.TECH_ADMIN = admin;
    for (const role of ['EDU_ADMIN', 'TEACHER', 'STUDENT'] as const) users[role] = await api.newUser(admin.accessToken, role);
    otherTeacher = await api.newUser(admin.accessToken, 'TEACHER', 'other-teacher');
  });

  afterAll(async () => {
    await tall?.stop();
    await stores?.drop();
  });

  /** A session of its own for calls that end sessions, so the shared tokens stay usable. */
  const freshSession = (actor: Actor) => api.signIn(users[actor === 'anonymous' ? 'STUDENT' : actor].email, actor === 'TECH_ADMIN' ? ADMIN_PASSWORD : PASSWORD);
  const target = (role: Role) => api.newUser(admin.accessToken, role, `target-${role.toLowerCase()}`);
  const sessionIdOf = (accessToken: string) => JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()).sid as string;
  /** A dictionary topic's content with a slug of its own, and a draft of it made by the first admin. */
  const topicContent = () => ({ slug: `matrix-${randomUUID().slice(0, 8)}`, title: { nl: 'Matrix', en: 'Matrix' }, level: 'A1', order: 90 });
  const contentDraft = async (step: 'draft' | 'in_review' | 'published' = 'draft'): Promise<string> => {
    const created = await api.call('POST', '/admin/content/topics', { token: admin.accessToken, body: { content: topicContent() } });
    const id = created.body.id as string;
    if (step !== 'draft') await api.call('POST', `/admin/content/topics/${id}/submit`, { token: admin.accessToken, body: {} });
    if (step === 'published') await api.call('POST', `/admin/content/topics/${id}/publish`, { token: admin.accessToken, body: { override: { reason: 'Role matrix set-up' } } });
    return id;
  };

  const cases: Case[] = [
    { route: 'POST /api/v1/auth/register', allowed: ACTORS, success: 201, run: (_a, token) => api.call('POST', '/auth/register', { token, body: { email: newEmail(), password: PASSWORD, firstName: 'A', lastName: 'B' } }) },
    { route: 'POST /api/v1/auth/login', allowed: ACTORS, success: 200, run: (_a, token) => api.call('POST', '/auth/login', { token, body: { email: users.STUDENT.email, password: PASSWORD } }) },
    {
      route: 'POST /api/v1/auth/refresh',
      allowed: ACTORS,
      success: 200,
      run: async (actor, token) => api.call('POST', '/auth/refresh', { token, body: { refreshToken: (await freshSession(actor)).refreshToken } }),
    },
    {
      route: 'POST /api/v1/auth/logout',
      allowed: SIGNED_IN,
      success: 204,
      run: async (actor) => {
        const session = await freshSession(actor);
        return api.call('POST', '/auth/logout', { token: actor === 'anonymous' ? undefined : session.accessToken, body: { refreshToken: session.refreshToken } });
      },
    },
    {
      route: 'POST /api/v1/auth/logout-all',
      allowed: SIGNED_IN,
      success: 204,
      // An account of its own: logout-all ends every session, and their access tokens stop working (issue 12).
      run: async (actor) => api.call('POST', '/auth/logout-all', { token: actor === 'anonymous' ? undefined : (await target(actor)).accessToken }),
    },
    { route: 'GET /api/v1/auth/sessions', allowed: SIGNED_IN, success: 200, run: (_a, token) => api.call('GET', '/auth/sessions', { token }) },
    {
      route: 'DELETE /api/v1/auth/sessions/{id}',
      allowed: SIGNED_IN,
      success: 204,
      run: async (actor) => {
        const session = await freshSession(actor);
        return api.call('DELETE', `/auth/sessions/${sessionIdOf(session.accessToken)}`, { token: actor === 'anonymous' ? undefined : session.accessToken });
      },
    },
    {
      route: 'POST /api/v1/auth/password',
      allowed: SIGNED_IN,
      success: 204,
      run: async (actor) => {
        const own = actor === 'anonymous' ? undefined : await target(actor);
        return api.call('POST', '/auth/password', { token: own?.accessToken, body: { currentPassword: PASSWORD, newPassword: 'another long passphrase' } });
      },
    },
    { route: 'GET /api/v1/auth/jwks', allowed: ACTORS, success: 200, run: (_a, token) => api.call('GET', '/auth/jwks', { token }) },
    { route: 'GET /api/v1/users/me', allowed: SIGNED_IN, success: 200, run: (_a, token) => api.call('GET', '/users/me', { token }) },
    ...(['STUDENT', 'TEACHER', 'EDU_ADMIN', 'TECH_ADMIN'] as const).map(
      (role): Case => ({
        route: 'POST /api/v1/users',
        variant: `creating a ${role}`,
        allowed: role === 'STUDENT' || role === 'TEACHER' ? ADMINS : TECH,
        success: 201,
        run: (_a, token) => api.call('POST', '/users', { token, body: { email: newEmail('created'), role, firstName: 'New', lastName: role, password: PASSWORD } }),
      }),
    ),
    { route: 'GET /api/v1/users', allowed: ADMINS, success: 200, run: (_a, token) => api.call('GET', '/users?page=1', { token }) },
    { route: 'GET /api/v1/users', variant: 'listing TECH_ADMINs', allowed: TECH, success: 200, run: (_a, token) => api.call('GET', '/users?role=TECH_ADMIN', { token }) },
    ...(
      [
        ['STUDENT', 'TEACHER', ADMINS],
        ['TEACHER', 'STUDENT', ADMINS],
        ['STUDENT', 'EDU_ADMIN', TECH],
        ['EDU_ADMIN', 'TEACHER', TECH],
        ['TEACHER', 'TECH_ADMIN', TECH],
      ] as const
    ).map(
      ([from, to, allowed]): Case => ({
        route: 'PATCH /api/v1/users/{id}/role',
        variant: `${from} → ${to}`,
        allowed,
        success: 200,
        run: async (_a, token) => api.call('PATCH', `/users/${(await target(from)).id}/role`, { token, body: { role: to } }),
      }),
    ),
    ...(['STUDENT', 'TEACHER', 'EDU_ADMIN', 'TECH_ADMIN'] as const).flatMap((role): Case[] => {
      const allowed = role === 'STUDENT' || role === 'TEACHER' ? ADMINS : TECH;
      return [
        {
          route: 'POST /api/v1/users/{id}/disable',
          variant: `a ${role}`,
          allowed,
          success: 200,
          run: async (_a, token) => api.call('POST', `/users/${(await target(role)).id}/disable`, { token }),
        },
        {
          route: 'POST /api/v1/users/{id}/enable',
          variant: `a ${role}`,
          allowed,
          success: 200,
          run: async (_a, token) => {
            const disabled = await target(role);
            await api.call('POST', `/users/${disabled.id}/disable`, { token: admin.accessToken });
            return api.call('POST', `/users/${disabled.id}/enable`, { token });
          },
        },
      ];
    }),
    {
      route: 'DELETE /api/v1/users/{id}',
      allowed: TECH,
      success: 204,
      run: async (_a, token) => api.call('DELETE', `/users/${(await target('STUDENT')).id}`, { token }),
    },
    {
      route: 'PUT /api/v1/users/{teacherId}/students/{studentId}',
      allowed: ADMINS,
      success: 204,
      run: async (_a, token) => api.call('PUT', `/users/${users.TEACHER.id}/students/${(await target('STUDENT')).id}`, { token }),
    },
    {
      route: 'DELETE /api/v1/users/{teacherId}/students/{studentId}',
      allowed: ADMINS,
      success: 204,
      run: async (_a, token) => {
        const student = await target('STUDENT');
        await api.call('PUT', `/users/${users.TEACHER.id}/students/${student.id}`, { token: admin.accessToken });
        return api.call('DELETE', `/users/${users.TEACHER.id}/students/${student.id}`, { token });
      },
    },
    {
      route: 'GET /api/v1/users/{teacherId}/students',
      variant: "the TEACHER's own",
      allowed: [...ADMINS, 'TEACHER'],
      success: 200,
      run: (_a, token) => api.call('GET', `/users/${users.TEACHER.id}/students`, { token }),
    },
    {
      route: 'GET /api/v1/users/{teacherId}/students',
      variant: "another teacher's (BOLA)",
      allowed: ADMINS,
      success: 200,
      run: (_a, token) => api.call('GET', `/users/${otherTeacher.id}/students`, { token }),
    },
    { route: 'GET /api/v1/client-versions', allowed: ACTORS, success: 200, run: (_a, token) => api.call('GET', '/client-versions', { token }) },
    { route: 'PUT /api/v1/client-versions', allowed: TECH, success: 200, run: (_a, token) => api.call('PUT', '/client-versions', { token, body: { web: '1.0.0' } }) },
    { route: 'GET /api/v1/lobby', allowed: SIGNED_IN, success: 200, run: (_a, token) => api.call('GET', '/lobby', { token }) },
    {
      route: 'PUT /api/v1/lobby/context',
      variant: 'the Users product',
      allowed: ADMINS,
      success: 204,
      run: (_a, token) => api.call('PUT', '/lobby/context', { token, body: { product: 'users', location: '/admin/users?page=2' } }),
    },
    { route: 'GET /api/v1/system/info', allowed: TECH, success: 200, run: (_a, token) => api.call('GET', '/system/info', { token }) },
    { route: 'POST /api/v1/system/cron/weekly-cohorts/run', allowed: TECH, success: 200, run: (_a, token) => api.call('POST', '/system/cron/weekly-cohorts/run', { token }) },
    { route: 'GET /api/v1/system/cron/{job}/runs', allowed: TECH, success: 200, run: (_a, token) => api.call('GET', '/system/cron/weekly-cohorts/runs', { token }) },
    { route: 'GET /api/v1/system/parked-events', allowed: TECH, success: 200, run: (_a, token) => api.call('GET', '/system/parked-events?limit=5', { token }) },
    // No event is parked here: an operator gets as far as "not found", everyone else no further than 401/403.
    {
      route: 'POST /api/v1/system/parked-events/{id}/replay',
      allowed: TECH,
      success: 404,
      run: (_a, token) => api.call('POST', `/system/parked-events/${randomUUID()}/replay`, { token }),
    },
    { route: 'DELETE /api/v1/system/parked-events/{id}', allowed: TECH, success: 404, run: (_a, token) => api.call('DELETE', `/system/parked-events/${randomUUID()}`, { token }) },
    // The content workflow (issue 15): admins only, each call on an item of its own.
    { route: 'GET /api/v1/admin/content/{kind}', allowed: ADMINS, success: 200, run: (_a, token) => api.call('GET', '/admin/content/topics', { token }) },
    { route: 'POST /api/v1/admin/content/{kind}', allowed: ADMINS, success: 201, run: (_a, token) => api.call('POST', '/admin/content/topics', { token, body: { content: topicContent() } }) },
    { route: 'GET /api/v1/admin/content/{kind}/{id}', allowed: ADMINS, success: 200, run: async (_a, token) => api.call('GET', `/admin/content/topics/${await contentDraft()}`, { token }) },
    {
      route: 'PATCH /api/v1/admin/content/{kind}/{id}',
      allowed: ADMINS,
      success: 200,
      run: async (_a, token) => api.call('PATCH', `/admin/content/topics/${await contentDraft()}`, { token, body: { content: topicContent(), revision: 1 } }),
    },
    { route: 'POST /api/v1/admin/content/{kind}/{id}/submit', allowed: ADMINS, success: 200, run: async (_a, token) => api.call('POST', `/admin/content/topics/${await contentDraft()}/submit`, { token, body: {} }) },
    {
      route: 'POST /api/v1/admin/content/{kind}/{id}/publish',
      variant: 'with an override, so the submitter may too',
      allowed: ADMINS,
      success: 200,
      run: async (_a, token) => api.call('POST', `/admin/content/topics/${await contentDraft('in_review')}/publish`, { token, body: { override: { reason: 'Role matrix' } } }),
    },
    { route: 'POST /api/v1/admin/content/{kind}/{id}/archive', allowed: ADMINS, success: 200, run: async (_a, token) => api.call('POST', `/admin/content/topics/${await contentDraft('published')}/archive`, { token, body: {} }) },
    { route: 'GET /api/v1/admin/content/{kind}/{id}/history', allowed: ADMINS, success: 200, run: async (_a, token) => api.call('GET', `/admin/content/topics/${await contentDraft()}/history`, { token }) },
  ];

  it.each(cases.map((testCase) => [`${testCase.route}${testCase.variant ? ` (${testCase.variant})` : ''}`, testCase] as const))(
    '%s',
    async (_name, testCase) => {
      for (const actor of ACTORS) {
        const answer = await testCase.run(actor, actor === 'anonymous' ? undefined : users[actor].accessToken);
        const allowed = testCase.allowed.includes(actor);
        outcomes.push({ route: _name, actor, allowed, status: answer.status, code: answer.body?.code });
        if (allowed) {
          expect({ actor, status: answer.status, body: answer.status === testCase.success ? undefined : answer.body }).toEqual({ actor, status: testCase.success, body: undefined });
        } else {
          expect({ actor, status: answer.status }).toEqual({ actor, status: actor === 'anonymous' ? 401 : 403 });
        }
      }
    },
  );

  it('gave not a single unauthorized caller a 2xx, over every route and role', () => {
    expect(outcomes.length).toBe(cases.length * ACTORS.length);
    expect(outcomes.filter((outcome) => !outcome.allowed && outcome.status < 300)).toEqual([]);
  });

  it('covers every identity route the API documents', async () => {
    const docs = (await (await fetch(`${tall.url}/api/docs-json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(docs.paths)
      .filter(([path]) => /^\/api\/v1\/(auth|users|client-versions|lobby|system\/info|system\/cron|system\/parked-events|admin\/content)/.test(path))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    const covered = new Set(cases.map((testCase) => testCase.route));
    expect(documented.filter((route) => !covered.has(route))).toEqual([]);
  });

  it("shows a teacher the students an admin linked, and only those", async () => {
    const teacher = await api.newUser(admin.accessToken, 'TEACHER', 'list-teacher');
    const linked = await target('STUDENT');
    await target('STUDENT');
    expect((await api.call('PUT', `/users/${teacher.id}/students/${linked.id}`, { token: users.EDU_ADMIN.accessToken })).status).toBe(204);
    expect((await api.call('PUT', `/users/${teacher.id}/students/${linked.id}`, { token: users.EDU_ADMIN.accessToken })).status).toBe(204);
    const list = await api.call('GET', `/users/${teacher.id}/students`, { token: teacher.accessToken });
    expect(list.body).toEqual({ teacherId: teacher.id, items: [{ id: linked.id, status: 'active', linkedAt: expect.any(String) }] });
    const notATeacher = await api.call('PUT', `/users/${linked.id}/students/${teacher.id}`, { token: admin.accessToken });
    expect(notATeacher.status).toBe(404);
    expect(notATeacher.body.code).toBe('TEACHER_NOT_FOUND');
  });

  it('keeps a teacher out of another teacher\'s students whether or not the id exists', async () => {
    for (const id of [otherTeacher.id, users.STUDENT.id, randomUUID()]) {
      const answer = await api.call('GET', `/users/${id}/students`, { token: users.TEACHER.accessToken });
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe('FORBIDDEN');
    }
  });
});
