import { constants, generateKeyPairSync, privateDecrypt, randomUUID, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ListeningTopics } from '@tall/listening/contracts';
import { stackEnv, waitFor } from '@tall/platform/testing';
import { IdentityApi, newEmail, type Answer, type SignedIn } from '../identity/support/identity-api';
import { probeTopic } from '../support/kafka-probe';
import { seedListening, type SeededVideo } from '../support/listening-seed';
import { isolatedStores, startTall, type TallProcess } from '../support/tall-process';

/**
 * Listening, black-box against the built API: the seed videos made with ffmpeg and espeak-ng and
 * uploaded through the admin upload path; the list; a video played from its pre-signed URL with
 * range requests, never through the API; timed questions graded on the server, a skip counted as
 * one; the position kept; a desktop device's content key wrapped for a real RSA key pair and
 * revoked; who may do what; bad input never a 500; the GDPR export and erasure.
 */
const ADMIN_EMAIL = newEmail('root');
const ADMIN_PASSWORD = 'the first admin passphrase';
/** Short, so the test sees a URL expire without waiting long (production: 10 minutes). */
const URL_TTL_SECONDS = 4;

interface Question {
  id: string;
  atSeconds: number;
  kind: 'multipleChoice' | 'trueFalse' | 'shortAnswer';
  prompt: string;
  options?: string[];
}

function deviceKeys(modulusLength = 2048): { publicKey: Record<string, unknown>; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength });
  const jwk = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  // As WebCrypto's exportKey('jwk') gives a desktop client's RSA-OAEP (SHA-256) public key.
  return { publicKey: { kty: 'RSA', alg: 'RSA-OAEP-256', n: jwk.n, e: jwk.e, ext: true, key_ops: ['encrypt'] }, privateKey };
}

describe('listening, black-box', () => {
  let stores: Awaited<ReturnType<typeof isolatedStores>>;
  let tall: TallProcess;
  let api: IdentityApi;
  let admin: SignedIn;
  let student: SignedIn;
  let other: SignedIn;
  let teacher: SignedIn;
  let seeded: SeededVideo[];

  const as = (user: SignedIn | undefined) => (method: string, path: string, body?: unknown) => api.call(method, `/listening${path}`, { token: user?.accessToken, body });

  beforeAll(async () => {
    stores = await isolatedStores('listening');
    tall = await startTall({
      DATABASE_URL: stores.DATABASE_URL,
      MONGODB_URI: stores.MONGODB_URI,
      CRON_ENABLED: 'false',
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      LISTENING_URL_TTL_SECONDS: String(URL_TTL_SECONDS),
    });
    api = new IdentityApi(tall.url);
    await waitFor(async () => (await fetch(`${tall.url}/health/ready`)).ok, { timeoutMs: 60_000, what: 'Tall to be ready' });
    admin = await api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    ({ videos: seeded } = await seedListening(tall.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }));
    student = await api.newUser(admin.accessToken, 'STUDENT', 'listener');
    other = await api.newUser(admin.accessToken, 'STUDENT', 'other-listener');
    teacher = await api.newUser(admin.accessToken, 'TEACHER', 'listening-teacher');
  });

  afterAll(async () => {
    await tall?.stop();
    await stores?.drop();
  });

  it('puts the seed videos in the library through the admin upload path, and lists them with filters', async () => {
    expect(seeded.map((video) => [video.id, video.uploaded, video.mediaReady])).toEqual([
      ['op-de-markt', 4, true],
      ['de-trein-naar-utrecht', 4, true],
      ['het-weer-van-morgen', 4, true],
    ]);
    // A second run finds them in place and uploads nothing.
    expect((await seedListening(tall.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).videos.map((video) => video.uploaded)).toEqual([0, 0, 0]);
    // A video described but without media is not listed.
    expect((await as(admin)('PUT', '/admin/videos/nog-niet-klaar', { title: 'Nog niet klaar', level: 'A1', topic: 'shopping', durationSeconds: 12, questions: [] })).body).toMatchObject({ mediaReady: false });

    const list = await as(student)('GET', '/videos');
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual(['de-trein-naar-utrecht', 'op-de-markt', 'het-weer-van-morgen']);
    for (const item of list.body.items) {
      expect(item).toEqual({ id: item.id, title: expect.any(String), level: expect.stringMatching(/^A[12]$/), topic: expect.any(String), durationSeconds: expect.any(Number), posterUrl: expect.any(String), questionCount: 3, position: null });
      expect(item.durationSeconds).toBeGreaterThanOrEqual(10);
      expect(item.durationSeconds).toBeLessThanOrEqual(25);
    }
    const poster = await fetch(list.body.items[0].posterUrl);
    expect({ status: poster.status, type: poster.headers.get('content-type') }).toEqual({ status: 200, type: 'image/jpeg' });
    expect((await as(student)('GET', '/videos?level=A2')).body.items.map((item: { id: string }) => item.id)).toEqual(['het-weer-van-morgen']);
    expect((await as(student)('GET', '/videos?topic=transport')).body.items.map((item: { id: string }) => item.id)).toEqual(['de-trein-naar-utrecht']);
    expect((await as(student)('GET', '/videos?level=A2&topic=transport')).body.items).toEqual([]);
    expect((await as(student)('GET', '/videos/nog-niet-klaar')).status).toBe(404);
  });

  it('plays a video from short-lived pre-signed URLs: range reads of the film from storage, WebVTT subtitles, questions without answers', async () => {
    const requested = Date.now();
    const video = await as(student)('GET', '/videos/op-de-markt');
    expect(video.status).toBe(200);
    expect(video.body).toMatchObject({ id: 'op-de-markt', title: 'Op de markt', level: 'A1', position: null, answers: [] });
    const expiresAt = new Date(video.body.urlsExpireAt).getTime();
    expect(expiresAt).toBeGreaterThan(requested);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + URL_TTL_SECONDS * 1000);
    // The bytes come from storage, never from the API.
    const stream = new URL(video.body.streamUrl);
    expect(stream.origin).toBe(new URL(stackEnv().AWS_ENDPOINT_URL_S3).origin);
    expect(stream.origin).not.toBe(new URL(tall.url).origin);
    expect(stream.pathname).toMatch(/\/listening\/videos\/op-de-markt\/video-[0-9a-f-]+\.mp4$/);
    expect(stream.searchParams.get('X-Amz-Expires')).toBe(String(URL_TTL_SECONDS));

    const film = readFileSync(join((seeded.find((entry) => entry.id === 'op-de-markt') as SeededVideo).directory, 'video.mp4'));
    const head = await fetch(video.body.streamUrl, { headers: { range: 'bytes=0-15' } });
    expect(head.status).toBe(206);
    expect(head.headers.get('content-range')).toBe(`bytes 0-15/${film.length}`);
    const first = Buffer.from(await head.arrayBuffer());
    // An MP4 with its index first (faststart): the player can start before the whole file is there.
    expect(first.subarray(4, 8).toString('latin1')).toBe('ftyp');
    expect(film.indexOf('moov')).toBeLessThan(film.indexOf('mdat'));
    const middle = await fetch(video.body.streamUrl, { headers: { range: 'bytes=10000-10999' } });
    expect(middle.status).toBe(206);
    expect(Buffer.from(await middle.arrayBuffer()).equals(film.subarray(10_000, 11_000))).toBe(true);

    expect(video.body.subtitles.map((subtitle: { lang: string }) => subtitle.lang)).toEqual(['nl', 'en']);
    const vtt = await (await fetch(video.body.subtitles[0].url)).text();
    expect(vtt).toMatch(/^WEBVTT\n\n1\n00:00:00\.\d{3} --> 00:00:0\d\.\d{3}\nHet is zaterdag en Sanne gaat naar de markt\.\n/);
    const questions = video.body.questions as Question[];
    expect(questions.map((question) => question.kind)).toEqual(['multipleChoice', 'shortAnswer', 'trueFalse']);
    expect(questions.every((question, index) => question.atSeconds > 0 && question.atSeconds <= video.body.durationSeconds && (index === 0 || question.atSeconds > questions[index - 1].atSeconds))).toBe(true);
    expect(JSON.stringify(video.body.questions)).not.toMatch(/"answers?"/);
  });

  it('gives fresh URLs once the old ones have expired (the 403 itself is proven on a strict S3: object-storage-media.int.spec.ts)', async () => {
    const video = await as(student)('GET', '/videos/de-trein-naar-utrecht');
    expect((await fetch(video.body.streamUrl, { headers: { range: 'bytes=0-99' } })).status).toBe(206);
    await waitFor(() => Date.now() > new Date(video.body.urlsExpireAt).getTime() + 1_000, { timeoutMs: (URL_TTL_SECONDS + 5) * 1000, intervalMs: 100, what: 'the URLs to expire' });

    const again = await as(student)('GET', '/videos/de-trein-naar-utrecht');

    expect(new Date(again.body.urlsExpireAt).getTime()).toBeGreaterThan(new Date(video.body.urlsExpireAt).getTime());
    expect(again.body.streamUrl).not.toBe(video.body.streamUrl);
    expect(new URL(again.body.streamUrl).searchParams.get('X-Amz-Expires')).toBe(String(URL_TTL_SECONDS));
    expect((await fetch(again.body.streamUrl, { headers: { range: 'bytes=0-99' } })).status).toBe(206);
  });

  it('grades answers on the server with the expected answer, counts a skip as one, keeps the position, and publishes all of it', async () => {
    const watching = await probeTopic(ListeningTopics.events);
    const results = await probeTopic(ListeningTopics.results);
    try {
      const video = (await as(student)('GET', '/videos/op-de-markt')).body;
      const [choice, short, trueFalse] = video.questions as Question[];
      expect((await as(student)('PUT', '/videos/op-de-markt/position', { positionSeconds: 0, watchedSeconds: 0 })).status).toBe(200);

      const wrong = await as(student)('POST', '/videos/op-de-markt/answers', { questionId: choice.id, answer: 0, positionSeconds: choice.atSeconds });
      expect(wrong).toMatchObject({ status: 200, body: { questionId: choice.id, correct: false, skipped: false, expected: 'Naar de markt' } });
      const right = await as(student)('POST', '/videos/op-de-markt/answers', { questionId: choice.id, answer: choice.options?.indexOf('Naar de markt'), positionSeconds: choice.atSeconds });
      expect(right.body).toMatchObject({ correct: true, expected: 'Naar de markt' });
      // Short answers are matched tolerantly: case, spaces and a closing full stop.
      expect((await as(student)('POST', '/videos/op-de-markt/answers', { questionId: short.id, answer: '  Twee  EURO. ', positionSeconds: short.atSeconds })).body).toMatchObject({ correct: true, expected: 'twee euro' });
      expect((await as(student)('POST', '/videos/op-de-markt/answers', { questionId: trueFalse.id, answer: null, positionSeconds: trueFalse.atSeconds })).body).toEqual({
        questionId: trueFalse.id,
        correct: null,
        skipped: true,
        expected: false,
      });

      const mid = await as(student)('PUT', '/videos/op-de-markt/position', { positionSeconds: 9.5, watchedSeconds: 9.5 });
      expect(mid.body).toMatchObject({ positionSeconds: 9.5, watchedSeconds: 9.5, completed: false });
      const resumed = (await as(student)('GET', '/videos/op-de-markt')).body;
      expect(resumed.position).toMatchObject({ positionSeconds: 9.5, completed: false });
      expect(resumed.answers).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ questionId: choice.id, correct: true, skipped: false }),
          expect.objectContaining({ questionId: short.id, correct: true }),
          expect.objectContaining({ questionId: trueFalse.id, correct: null, skipped: true }),
        ]),
      );
      // Another student's video page is their own.
      expect((await as(other)('GET', '/videos/op-de-markt')).body).toMatchObject({ position: null, answers: [] });
      expect((await as(student)('GET', '/videos')).body.items.find((item: { id: string }) => item.id === 'op-de-markt').position).toMatchObject({ positionSeconds: 9.5 });

      const end = await as(student)('PUT', '/videos/op-de-markt/position', { positionSeconds: video.durationSeconds, watchedSeconds: video.durationSeconds - 9.5 });
      expect(end.body).toMatchObject({ completed: true, watchedSeconds: video.durationSeconds });

      const mine = (messages: typeof watching.messages) => messages.filter((message) => message.key === student.id).map((message) => message.value);
      await waitFor(() => ['video.started', 'video.progressed', 'video.completed'].every((type) => mine(watching.messages).some((event) => event['type'] === type)), {
        timeoutMs: 20_000,
        what: 'video.started, video.progressed and video.completed on Kafka',
      });
      await waitFor(() => mine(results.messages).length === 4, { timeoutMs: 20_000, what: 'four video.answered on Kafka' });
      expect(mine(results.messages).map((event) => event['payload'])).toEqual([
        expect.objectContaining({ userId: student.id, videoId: 'op-de-markt', questionId: choice.id, kind: 'multipleChoice', correct: false, skipped: false }),
        expect.objectContaining({ questionId: choice.id, correct: true }),
        expect.objectContaining({ questionId: short.id, kind: 'shortAnswer', correct: true }),
        expect.objectContaining({ questionId: trueFalse.id, correct: null, skipped: true }),
      ]);
      // Verdicts only: never what the student typed.
      expect(JSON.stringify(results.messages)).not.toMatch(/twee|EURO/i);
      expect(mine(watching.messages).filter((event) => event['type'] === 'video.completed')).toHaveLength(1);
    } finally {
      await watching.close();
      await results.close();
    }
  });

  it('shows the watching and the answers in the student’s progress record, and in their teacher’s table, CSV and page', async () => {
    const { durationSeconds } = (await as(student)('GET', '/videos/op-de-markt')).body as { durationSeconds: number };
    expect((await api.call('PUT', `/users/${teacher.id}/students/${student.id}`, { token: admin.accessToken })).status).toBe(204);
    // Through video.events.v1 and video.results.v1: the record comes a moment later.
    const own = await waitFor(
      async () => {
        const record = await api.call('GET', '/progress/me', { token: student.accessToken });
        return record.body?.videos?.completed === 1 && record.body.videos.questions.asked === 3 ? record.body : undefined;
      },
      { timeoutMs: 60_000, what: 'the video and its three questions in the student’s progress record' },
    );
    // The choice answered wrong then right, the short answer right, the true/false question skipped.
    expect(own.videos).toMatchObject({ started: 1, completed: 1, watchedSeconds: Math.round(durationSeconds), questions: { asked: 3, answered: 2, correct: 2, correctRate: 1 } });
    expect(own.videos.questions.answerRate).toBeCloseTo(2 / 3, 10);
    expect(own.videos.recent).toEqual([{ videoId: 'op-de-markt', level: 'A1', completed: true, watchedSeconds: Math.round(durationSeconds), asked: 3, answered: 2, correct: 2, lastAt: expect.any(String) }]);
    expect(own.activity.daysActive).toBe(1);

    const row = await waitFor(
      async () => {
        const table = await api.call('GET', '/teacher/students', { token: teacher.accessToken });
        const found = table.body?.items?.find((item: { studentId: string; videosWatched: number }) => item.studentId === student.id);
        return found?.videosWatched === 1 ? found : undefined;
      },
      { timeoutMs: 60_000, what: 'the student in their teacher’s table' },
    );
    expect(row).toMatchObject({ videosWatched: 1, exercisesDone: 0, averageExerciseScore: null });
    expect(row.answerRate).toBeCloseTo(2 / 3, 10);
    const csv = await fetch(`${tall.url}/api/v1/teacher/students.csv`, { headers: { authorization: `Bearer ${teacher.accessToken}` } });
    const [header, ...lines] = (await csv.text()).split('\r\n');
    expect(header.endsWith('"videos_watched","answer_rate_percent","exercises_done","average_exercise_score_percent"')).toBe(true);
    expect(lines.find((line) => line.startsWith(`"${student.id}"`))?.endsWith('"1","66.7","0",""')).toBe(true);
    const page = await api.call('GET', `/teacher/students/${student.id}/progress`, { token: teacher.accessToken });
    expect(page.body.videos).toEqual(own.videos);
  });

  it('gives a registered device its content key wrapped for its own RSA key, the same key each time, until revoked', async () => {
    const laptop = deviceKeys();
    const registered = await as(student)('POST', '/devices', { publicKey: laptop.publicKey, name: 'Laptop thuis' });
    expect(registered.status).toBe(201);
    expect(registered.body).toEqual({ deviceId: expect.any(String), name: 'Laptop thuis', keyThumbprint: expect.any(String), registeredAt: expect.any(String) });
    const deviceId = registered.body.deviceId as string;

    const issued = await as(student)('POST', `/devices/${deviceId}/content-key`);
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ deviceId, algorithm: 'RSA-OAEP-256', encryption: 'A256GCM' });
    const unwrap = (wrapped: string) => privateDecrypt({ key: laptop.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(wrapped, 'base64url'));
    const key = unwrap(issued.body.wrappedKey);
    expect(key).toHaveLength(32);
    const again = await as(student)('POST', `/devices/${deviceId}/content-key`);
    expect(again.body.wrappedKey).not.toBe(issued.body.wrappedKey);
    expect(unwrap(again.body.wrappedKey).equals(key)).toBe(true);

    // Another student's device is none of theirs.
    expect(pick(await as(other)('POST', `/devices/${deviceId}/content-key`))).toEqual({ status: 404, code: 'DEVICE_NOT_FOUND' });
    expect(pick(await as(other)('DELETE', `/devices/${deviceId}`))).toEqual({ status: 404, code: 'DEVICE_NOT_FOUND' });

    expect((await as(student)('DELETE', `/devices/${deviceId}`)).status).toBe(204);
    expect(pick(await as(student)('POST', `/devices/${deviceId}/content-key`))).toEqual({ status: 410, code: 'DEVICE_REVOKED' });
    expect(pick(await as(student)('DELETE', `/devices/${deviceId}`))).toEqual({ status: 410, code: 'DEVICE_REVOKED' });
    // Registered anew, the device gets a new key.
    const anew = await as(student)('POST', '/devices', { publicKey: laptop.publicKey });
    expect(unwrap((await as(student)('POST', `/devices/${anew.body.deviceId}/content-key`)).body.wrappedKey).equals(key)).toBe(false);
  });

  it('lets students only watch, admins only upload (401 without a token, 403 for other roles)', async () => {
    const device = (await as(student)('POST', '/devices', { publicKey: deviceKeys().publicKey })).body.deviceId as string;
    const studentRoutes: Array<[string, string, unknown?]> = [
      ['GET', '/videos'],
      ['GET', '/videos/op-de-markt'],
      ['POST', '/videos/op-de-markt/answers', { questionId: 'q1', answer: 1, positionSeconds: 4 }],
      ['PUT', '/videos/op-de-markt/position', { positionSeconds: 1, watchedSeconds: 1 }],
      ['POST', '/devices', { publicKey: deviceKeys().publicKey }],
      ['POST', `/devices/${device}/content-key`],
      ['DELETE', `/devices/${device}`],
    ];
    for (const [method, path, body] of studentRoutes) {
      expect({ path, status: (await as(undefined)(method, path, body)).status }).toEqual({ path, status: 401 });
      for (const user of [teacher, admin]) expect({ path, role: user.role, status: (await as(user)(method, path, body)).status }).toEqual({ path, role: user.role, status: 403 });
    }
    const adminRoutes: Array<[string, string, unknown?]> = [
      ['PUT', '/admin/videos/rollen', { title: 'Rollen', level: 'A1', topic: 'shopping', durationSeconds: 10, questions: [] }],
      ['POST', '/admin/videos/op-de-markt/uploads', { kind: 'poster', contentType: 'image/jpeg', sizeBytes: 10 }],
      ['POST', `/admin/videos/op-de-markt/uploads/${randomUUID()}/complete`],
    ];
    for (const [method, path, body] of adminRoutes) {
      expect({ path, status: (await as(undefined)(method, path, body)).status }).toEqual({ path, status: 401 });
      for (const user of [student, teacher]) expect({ path, role: user.role, status: (await as(user)(method, path, body)).status }).toEqual({ path, role: user.role, status: 403 });
    }
    const eduAdmin = await api.newUser(admin.accessToken, 'EDU_ADMIN', 'listening-editor');
    expect((await as(eduAdmin)('PUT', '/admin/videos/rollen', { title: 'Rollen', level: 'A1', topic: 'shopping', durationSeconds: 10, questions: [] })).status).toBe(200);
    // The device is still the student's: none of those requests touched it.
    expect((await as(student)('POST', `/devices/${device}/content-key`)).status).toBe(200);
  });

  it('answers bad input with a clear 4xx and keeps what is stored', async () => {
    const before = (await as(student)('GET', '/videos/het-weer-van-morgen')).body;
    const choice = (before.questions as Question[]).find((question) => question.kind === 'multipleChoice') as Question;
    const jwk = deviceKeys().publicKey;
    const cases: Array<[string, string, unknown, number]> = [
      ['GET', '/videos?level=Z9', undefined, 400],
      ['GET', '/videos?sort=title', undefined, 400],
      ['GET', '/videos/Geen_Slug', undefined, 400],
      ['GET', `/videos/${'x'.repeat(65)}`, undefined, 400],
      ['GET', '/videos/bestaat-niet', undefined, 404],
      ['POST', '/videos/het-weer-van-morgen/answers', { questionId: choice.id, answer: 1 }, 400],
      ['POST', '/videos/het-weer-van-morgen/answers', { questionId: choice.id, answer: 1, positionSeconds: 3, extra: true }, 400],
      ['POST', '/videos/het-weer-van-morgen/answers', { questionId: choice.id, answer: { index: 1 }, positionSeconds: 3 }, 400],
      ['POST', '/videos/het-weer-van-morgen/answers', { questionId: 'vraag', answer: 1, positionSeconds: 3 }, 400],
      ['POST', '/videos/het-weer-van-morgen/answers', { questionId: 'q9', answer: 1, positionSeconds: 3 }, 404],
      ['POST', '/videos/het-weer-van-morgen/answers', { questionId: choice.id, answer: 7, positionSeconds: 3 }, 422],
      ['POST', '/videos/het-weer-van-morgen/answers', { questionId: choice.id, answer: 'koud', positionSeconds: 3 }, 422],
      ['POST', '/videos/het-weer-van-morgen/answers', { questionId: choice.id, answer: 1, positionSeconds: 999 }, 422],
      ['POST', '/videos/bestaat-niet/answers', { questionId: choice.id, answer: 1, positionSeconds: 3 }, 404],
      ['PUT', '/videos/het-weer-van-morgen/position', { positionSeconds: -1, watchedSeconds: 0 }, 400],
      ['PUT', '/videos/het-weer-van-morgen/position', { positionSeconds: 1, watchedSeconds: 99_999 }, 400],
      ['PUT', '/videos/het-weer-van-morgen/position', { positionSeconds: 1 }, 400],
      ['PUT', '/videos/het-weer-van-morgen/position', { positionSeconds: 500, watchedSeconds: 1 }, 422],
      ['POST', '/devices', { publicKey: { ...jwk, d: 'private' } }, 400],
      ['POST', '/devices', { publicKey: { ...jwk, alg: 'RSA-OAEP' } }, 400],
      ['POST', '/devices', { publicKey: deviceKeys(1024).publicKey }, 400],
      ['POST', '/devices', { publicKey: { ...jwk, n: 'A'.repeat(342) } }, 422],
      ['POST', '/devices', { publicKey: jwk, name: '   ' }, 400],
      ['POST', '/devices/not-a-uuid/content-key', undefined, 400],
      ['POST', `/devices/${randomUUID()}/content-key`, undefined, 404],
      ['DELETE', `/devices/${randomUUID()}`, undefined, 404],
    ];
    for (const [method, path, body, status] of cases) {
      const answer = await as(student)(method, path, body);
      expect({ method, path, status: answer.status, enveloped: typeof answer.body?.code === 'string' }).toEqual({ method, path, status, enveloped: true });
    }
    const adminCases: Array<[string, string, unknown, number]> = [
      ['PUT', '/admin/videos/leeg', { title: '', level: 'A1', topic: 'shopping', durationSeconds: 10, questions: [] }, 400],
      ['PUT', '/admin/videos/te-laat', { title: 'Te laat', level: 'A1', topic: 'shopping', durationSeconds: 10, questions: [{ id: 'q1', kind: 'trueFalse', atSeconds: 11, prompt: 'Klopt dit?', answer: true }] }, 422],
      ['POST', '/admin/videos/bestaat-niet/uploads', { kind: 'video', contentType: 'video/mp4', sizeBytes: 10 }, 404],
      ['POST', '/admin/videos/op-de-markt/uploads', { kind: 'video', contentType: 'video/webm', sizeBytes: 10 }, 415],
      ['POST', '/admin/videos/op-de-markt/uploads', { kind: 'poster', contentType: 'image/png', sizeBytes: 1024 ** 3 }, 413],
      ['POST', '/admin/videos/op-de-markt/uploads', { kind: 'subtitles', contentType: 'text/vtt', sizeBytes: 10 }, 422],
      ['POST', '/admin/videos/op-de-markt/uploads', { kind: 'film', contentType: 'video/mp4', sizeBytes: 10 }, 400],
      ['POST', `/admin/videos/op-de-markt/uploads/${randomUUID()}/complete`, undefined, 404],
    ];
    for (const [method, path, body, status] of adminCases) {
      const answer = await as(admin)(method, path, body);
      expect({ method, path, status: answer.status, enveloped: typeof answer.body?.code === 'string' }).toEqual({ method, path, status, enveloped: true });
    }
    // Completing an upload before its file arrived: 409; a file of another size than announced: 422.
    const ticket = (await as(admin)('POST', '/admin/videos/op-de-markt/uploads', { kind: 'subtitles', lang: 'uk', contentType: 'text/vtt', sizeBytes: 100 })).body;
    expect(pick(await as(admin)('POST', `/admin/videos/op-de-markt/uploads/${ticket.uploadId}/complete`))).toEqual({ status: 409, code: 'UPLOAD_NOT_RECEIVED' });
    expect((await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: 'WEBVTT\n' })).status).toBe(200);
    expect(pick(await as(admin)('POST', `/admin/videos/op-de-markt/uploads/${ticket.uploadId}/complete`))).toEqual({ status: 422, code: 'UPLOAD_MISMATCH' });

    // Nothing refused was stored.
    const after = (await as(student)('GET', '/videos/het-weer-van-morgen')).body;
    expect({ position: after.position, answers: after.answers }).toEqual({ position: before.position, answers: before.answers });
    expect((await as(student)('GET', '/videos/op-de-markt')).body.subtitles.map((subtitle: { lang: string }) => subtitle.lang)).toEqual(['nl', 'en']);
    expect((await as(student)('GET', '/videos')).body.items).toHaveLength(3);
  });

  it('exports the listening data of a student and erases it with the account', async () => {
    const leaver = await api.newUser(admin.accessToken, 'STUDENT', 'listening-leaver');
    expect((await as(leaver)('PUT', '/videos/de-trein-naar-utrecht/position', { positionSeconds: 6, watchedSeconds: 6 })).status).toBe(200);
    expect((await as(leaver)('POST', '/videos/de-trein-naar-utrecht/answers', { questionId: 'q3', answer: 'tien', positionSeconds: 15 })).status).toBe(200);
    const device = (await as(leaver)('POST', '/devices', { publicKey: deviceKeys().publicKey, name: 'Werklaptop' })).body;
    const exported = await api.call('GET', '/pii/me/export', { token: leaver.accessToken });
    expect(exported.status).toBe(200);
    const section = (exported.body.sections as Array<{ context: string; data: Record<string, unknown[]> }>).find((candidate) => candidate.context === 'listening');
    expect(section?.data['videoPositions']).toEqual([expect.objectContaining({ videoId: 'de-trein-naar-utrecht', positionSeconds: 6 })]);
    expect(section?.data['answers']).toEqual([expect.objectContaining({ videoId: 'de-trein-naar-utrecht', questionId: 'q3', answer: 'tien', correct: true })]);
    expect(section?.data['devices']).toEqual([expect.objectContaining({ deviceId: device.deviceId, name: 'Werklaptop', revokedAt: null })]);
    expect(JSON.stringify(section)).not.toMatch(/sealed|wrappedKey/);

    expect((await api.call('DELETE', `/users/${leaver.id}`, { token: admin.accessToken })).status).toBe(204);
    const { MongoClient } = await import('mongodb');
    const client = await MongoClient.connect(stores.MONGODB_URI);
    try {
      const listening = client.db(`${client.db().databaseName}_listening`);
      await waitFor(async () => (await listening.collection('listening_students').countDocuments({ _id: leaver.id as never })) === 0, { timeoutMs: 30_000, what: 'the listening data to be erased' });
      expect(await listening.collection('listening_students').countDocuments({ _id: student.id as never })).toBe(1);
    } finally {
      await client.close();
    }
  });
});

function pick(answer: Answer): { status: number; code?: string } {
  return { status: answer.status, code: answer.body?.code };
}
