import { randomUUID } from 'node:crypto';
import { uniqueName, waitFor } from '@tall/platform/testing';
import { IdentityApi, newEmail, type SignedIn } from '../identity/support/identity-api';
import { probeTopic } from '../support/kafka-probe';
import { isolatedStores, startTall, type TallProcess } from '../support/tall-process';

/**
 * Issue 12, black-box against the built API and the real stack: pii lets an EDU_ADMIN read only
 * the personal data of accounts profile lets them administer (teachers and students), and a
 * manual master key rotation needs a reason, waits an hour after the last one unless forced, and
 * is audited on pii.access.log.
 */
describe('pii hardening, black-box (issue 12)', () => {
  const ADMIN_EMAIL = newEmail('pii-root');
  const ADMIN_PASSWORD = 'the pii hardening admin passphrase';
  let stores: Awaited<ReturnType<typeof isolatedStores>>;
  let tall: TallProcess;
  let api: IdentityApi;
  let admin: SignedIn;
  let eduAdmin: SignedIn;

  const readAs = (token: string, userId: string) => api.call('GET', `/pii/users/${userId}?purpose=user-administration`, { token });

  beforeAll(async () => {
    stores = await isolatedStores('pii_hardening');
    tall = await startTall({
      DATABASE_URL: stores.DATABASE_URL,
      MONGODB_URI: stores.MONGODB_URI,
      CRON_ENABLED: 'false',
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      // A master key of this test's own: its rotations leave the stack's shared key alone.
      PII_MASTER_KEY_SECRET_NAME: uniqueName('tall/e2e/pii-master'),
    });
    await waitFor(async () => (await fetch(`${tall.url}/health/ready`)).ok, { timeoutMs: 60_000, what: 'Tall to be ready' });
    api = new IdentityApi(tall.url);
    // The first TECH_ADMIN is created at start, possibly a moment after readiness.
    await waitFor(async () => (await api.login(ADMIN_EMAIL, ADMIN_PASSWORD)).status === 200, { timeoutMs: 30_000, what: 'the first admin to sign in' });
    admin = await api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    eduAdmin = await api.newUser(admin.accessToken, 'EDU_ADMIN');
  });

  afterAll(async () => {
    await tall?.stop();
    await stores?.drop();
  });

  it('refuses an EDU_ADMIN a TECH_ADMIN’s personal data (403), as profile refuses managing them, while a TECH_ADMIN still reads it', async () => {
    const student = await api.newUser(admin.accessToken, 'STUDENT');
    // pii learns the role from profile's user.created: the EDU_ADMIN reads a student's data.
    const byEduAdmin = await waitFor(
      async () => {
        const answer = await readAs(eduAdmin.accessToken, student.id);
        return answer.status === 200 && answer;
      },
      { what: 'pii to learn the student’s role' },
    );
    expect(byEduAdmin.body).toMatchObject({ userId: student.id, email: student.email });

    // Promoted to TECH_ADMIN: out of the EDU_ADMIN's reach in profile, and so in pii.
    expect((await api.call('PATCH', `/users/${student.id}/role`, { token: admin.accessToken, body: { role: 'TECH_ADMIN' } })).status).toBe(200);
    const refused = await waitFor(
      async () => {
        const answer = await readAs(eduAdmin.accessToken, student.id);
        return answer.status !== 200 && answer;
      },
      { what: 'pii to learn the role change' },
    );
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN', correlationId: expect.any(String) });
    expect((await api.call('POST', `/users/${student.id}/disable`, { token: eduAdmin.accessToken })).status).toBe(403);
    const byTechAdmin = await readAs(admin.accessToken, student.id);
    expect(byTechAdmin.status).toBe(200);
    expect(byTechAdmin.body).toMatchObject({ userId: student.id, email: student.email });

    // A TECH_ADMIN created as one, and the bootstrap admin: refused as well.
    const techAdmin = await api.newUser(admin.accessToken, 'TECH_ADMIN');
    const teacher = await api.newUser(admin.accessToken, 'TEACHER');
    await waitFor(async () => (await readAs(eduAdmin.accessToken, teacher.id)).status === 200, { what: 'pii to learn the teacher’s role' });
    for (const id of [techAdmin.id, admin.id]) expect({ id, status: (await readAs(eduAdmin.accessToken, id)).status }).toEqual({ id, status: 403 });
    expect((await readAs(admin.accessToken, techAdmin.id)).status).toBe(200);
  });

  it('rotates the master key for a reason, refuses another within the hour (409) unless forced, and audits each rotation', async () => {
    const accessLog = await probeTopic('pii.access.log');
    try {
      const rotate = (body?: unknown) => api.call('POST', '/pii/keys/rotate', { token: admin.accessToken, body });
      expect((await rotate()).status).toBe(400);
      const noReason = await rotate({ force: true });
      expect(noReason.status).toBe(400);
      expect(noReason.body).toMatchObject({ statusCode: 400, code: expect.any(String), correlationId: expect.any(String) });
      expect((await rotate({ reason: ' ' })).status).toBe(400);

      const reason = `e2e drill ${randomUUID().slice(0, 8)}`;
      const first = await rotate({ reason });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ masterKeyVersion: expect.any(String), remaining: 0 });

      const again = await rotate({ reason: 'once more' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ statusCode: 409, code: 'ROTATION_TOO_SOON', details: { nextAllowedAt: expect.any(String) }, correlationId: expect.any(String) });
      const wait = new Date(again.body.details.nextAllowedAt).getTime() - Date.now();
      expect(wait).toBeGreaterThan(55 * 60_000);
      expect(wait).toBeLessThanOrEqual(60 * 60_000);
      expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(55 * 60);

      const forced = await rotate({ reason: `${reason}, forced`, force: true });
      expect(forced.status).toBe(200);
      expect(forced.body.masterKeyVersion).not.toBe(first.body.masterKeyVersion);
      expect((await rotate({ reason: 'after the forced one' })).status).toBe(409);
      // Only a TECH_ADMIN rotates.
      expect((await api.call('POST', '/pii/keys/rotate', { token: eduAdmin.accessToken, body: { reason, force: true } })).status).toBe(403);

      const audited = await waitFor(
        () => {
          const rotations = accessLog.messages.filter((message) => message.value['type'] === 'pii.masterKeyRotated' && (message.value['payload'] as Record<string, unknown>)['rotatedBy'] === admin.id);
          return rotations.length >= 2 && rotations.map((message) => message.value['payload']);
        },
        { timeoutMs: 30_000, what: 'both rotations on pii.access.log' },
      );
      expect(audited).toEqual([
        expect.objectContaining({ rotatedByRole: 'TECH_ADMIN', trigger: 'manual', reason, forced: false, masterKeyVersion: first.body.masterKeyVersion, at: expect.any(String) }),
        expect.objectContaining({ rotatedByRole: 'TECH_ADMIN', trigger: 'manual', reason: `${reason}, forced`, forced: true, masterKeyVersion: forced.body.masterKeyVersion }),
      ]);
    } finally {
      await accessLog.close();
    }
  });
});
