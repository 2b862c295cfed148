import { constants, generateKeyPairSync, privateDecrypt, randomBytes, randomUUID } from 'node:crypto';
import { DeleteSecretCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DeleteBucketCommand, DeleteObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { MongoClient, type Db } from 'mongodb';
import {
  CompleteUploadCommand,
  CreateUploadCommand,
  GetVideoQuery,
  IssueContentKeyCommand,
  RegisterDeviceCommand,
  RevokeDeviceCommand,
  SaveVideoCommand,
  type ListeningSettings,
} from '@tall/listening/application';
import { contextConnection } from '@tall/platform/database';
import { createEvent, type EventEnvelope } from '@tall/platform/event-contracts';
import { AwsSecretStore, createSecretsManagerClient } from '@tall/platform/secrets';
import { createS3Client, S3ObjectStorage } from '@tall/platform/storage';
import { stackEnv, uniqueName } from '@tall/platform/testing';
import { VideoAnswered, VideoStarted, type DevicePublicKey, type VideoDefinitionBody } from '@tall/listening/contracts';
import type { Viewing } from '@tall/listening/domain';
import { SecretContentKeyVault } from './keys/secret-content-key-vault';
import { ObjectStorageMedia } from './media/object-storage-media';
import { modelOn } from './persistence/listening-connection';
import { LISTENING_OUTBOX_COLLECTIONS, STUDENT_LISTENING_MODEL, VIDEO_MODEL, type StudentListeningDocument, type VideoDocument } from './persistence/listening-models';
import { MongoStudentListeningStore } from './persistence/mongo-student-listening-store';
import { MongoVideoStore } from './persistence/mongo-video-store';
import { listeningHandlers } from './test-support/listening-handlers';

const DEFINITION: VideoDefinitionBody = {
  title: 'Op de markt',
  level: 'A1',
  topic: 'shopping',
  durationSeconds: 18.7,
  questions: [
    { id: 'q1', kind: 'multipleChoice', atSeconds: 4.3, prompt: 'Waar gaat Sanne naartoe?', options: ['Naar school', 'Naar de markt'], answer: 1 },
    { id: 'q2', kind: 'shortAnswer', atSeconds: 11.6, prompt: 'Hoeveel kosten de appels?', answers: ['twee euro'] },
  ],
};
const FILM = randomBytes(64 * 1024);
const POSTER = randomBytes(4 * 1024);
const SUBTITLES = Buffer.from('WEBVTT\n\n1\n00:00:00.600 --> 00:00:04.121\nHet is zaterdag en Sanne gaat naar de markt.\n');

const at = new Date('2026-03-10T09:00:00Z');
const viewing = (fields: Partial<Viewing> = {}): Viewing => ({
  positionSeconds: 3,
  watchedSeconds: 3,
  completed: false,
  startedAt: at,
  progressReportedAt: null,
  updatedAt: at,
  revision: 1,
  ...fields,
});
const started = (userId: string, videoId: string) =>
  createEvent(VideoStarted, { userId, videoId, level: 'A1', durationSeconds: 18.7, positionSeconds: 0, at: at.toISOString() }, { key: userId, correlationId: randomUUID(), occurredAt: at });
const answered = (userId: string, questionId: string) =>
  createEvent(VideoAnswered, { userId, videoId: 'markt', questionId, kind: 'trueFalse', correct: true, skipped: false, at: at.toISOString() }, { key: userId, correlationId: randomUUID(), occurredAt: at });

describe('listening on FerretDB, S3 and Secrets Manager of the local stack (integration)', () => {
  const env = stackEnv();
  const bucket = uniqueName('tall-listening').toLowerCase().replace(/_/g, '-');
  const secretName = `tall/test/${uniqueName('listening-content-keys')}`;
  let mongo: MongoClient;
  let db: Db;
  let s3: S3Client;
  let secretsClient: SecretsManagerClient;
  let videos: MongoVideoStore;
  let students: MongoStudentListeningStore;
  let media: ObjectStorageMedia;
  let vault: SecretContentKeyVault;
  let handlers: ReturnType<typeof listeningHandlers>;

  beforeAll(async () => {
    mongo = new MongoClient(env.MONGODB_URI);
    db = mongo.db(`${uniqueName('listening_int')}_listening`);
    const connection = await contextConnection(mongo, db.databaseName);
    videos = new MongoVideoStore(modelOn<VideoDocument>(connection, VIDEO_MODEL));
    students = new MongoStudentListeningStore(modelOn<StudentListeningDocument>(connection, STUDENT_LISTENING_MODEL));
    await videos.ensureIndexes();
    s3 = createS3Client({ region: env.AWS_REGION, endpoint: env.AWS_ENDPOINT_URL_S3, forcePathStyle: true, credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY } });
    const storage = new S3ObjectStorage({ client: s3, bucket });
    await storage.ensureBucket();
    media = new ObjectStorageMedia(storage);
    secretsClient = createSecretsManagerClient({ region: env.AWS_REGION, endpoint: env.AWS_ENDPOINT_URL_SECRETS_MANAGER, credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY } });
    vault = new SecretContentKeyVault(new AwsSecretStore({ client: secretsClient }), secretName);
    handlers = listeningHandlers({ videos, students, media, vault });
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await mongo?.close();
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket })).catch(() => undefined);
    for (const object of listed?.Contents ?? []) await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: object.Key }));
    await s3.send(new DeleteBucketCommand({ Bucket: bucket })).catch(() => undefined);
    s3.destroy();
    await secretsClient.send(new DeleteSecretCommand({ SecretId: secretName, ForceDeleteWithoutRecovery: true })).catch(() => undefined);
    secretsClient.destroy();
  });

  /** Plans an upload, PUTs the bytes to its pre-signed URL as a browser would, and completes it. */
  async function upload(videoId: string, planned: { kind: 'video' | 'poster' | 'subtitles'; lang?: string; contentType: string }, bytes: Buffer) {
    const ticket = await handlers.createUpload.execute(new CreateUploadCommand(videoId, { ...planned, sizeBytes: bytes.length }));
    const put = await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: new Uint8Array(bytes) });
    expect(put.status).toBe(200);
    return handlers.completeUpload.execute(new CompleteUploadCommand(videoId, ticket.uploadId));
  }

  describe('media on S3', () => {
    beforeAll(async () => {
      await handlers.saveVideo.execute(new SaveVideoCommand('markt', DEFINITION));
      await upload('markt', { kind: 'video', contentType: 'video/mp4' }, FILM);
      await upload('markt', { kind: 'poster', contentType: 'image/jpeg' }, POSTER);
      await upload('markt', { kind: 'subtitles', lang: 'nl', contentType: 'text/vtt' }, SUBTITLES);
    });

    it('puts uploads in place after checking them in storage (HeadObject), and lists the video once ready', async () => {
      const stored = await videos.get('markt');
      expect(stored?.media.video).toMatchObject({ key: expect.stringMatching(/^listening\/videos\/markt\/video-[0-9a-f-]{36}\.mp4$/), contentType: 'video/mp4', sizeBytes: FILM.length });
      expect((await videos.list({ readyOnly: true })).map((video) => video.id)).toEqual(['markt']);

      // Nothing PUT yet: not received. Another size than announced: refused, and nothing changes.
      const early = await handlers.createUpload.execute(new CreateUploadCommand('markt', { kind: 'subtitles', lang: 'en', contentType: 'text/vtt', sizeBytes: SUBTITLES.length + 5 }));
      await expect(handlers.completeUpload.execute(new CompleteUploadCommand('markt', early.uploadId))).rejects.toMatchObject({ code: 'UPLOAD_NOT_RECEIVED' });
      expect((await fetch(early.url, { method: 'PUT', headers: early.headers, body: new Uint8Array(SUBTITLES) })).status).toBe(200);
      await expect(handlers.completeUpload.execute(new CompleteUploadCommand('markt', early.uploadId))).rejects.toMatchObject({
        code: 'UPLOAD_MISMATCH',
        message: expect.stringMatching(new RegExp(`${SUBTITLES.length} bytes stored, ${SUBTITLES.length + 5} announced`)),
      });
      expect(Object.keys((await videos.get('markt'))?.media.subtitles ?? {})).toEqual(['nl']);
    });

    it('serves the film through a short-lived pre-signed GET that answers range requests with 206 and the right bytes', async () => {
      const video = await handlers.getVideo.execute(new GetVideoQuery(randomUUID(), 'markt'));
      const url = new URL(video.streamUrl);
      expect(url.searchParams.get('X-Amz-Expires')).toBe('600');
      expect(url.pathname).toContain('/listening/videos/markt/');
      const ranged = await fetch(video.streamUrl, { headers: { range: 'bytes=1000-1999' } });
      expect(ranged.status).toBe(206);
      expect(ranged.headers.get('content-range')).toBe(`bytes 1000-1999/${FILM.length}`);
      expect(Buffer.from(await ranged.arrayBuffer()).equals(FILM.subarray(1000, 2000))).toBe(true);
      const tail = await fetch(video.streamUrl, { headers: { range: `bytes=-100` } });
      expect(Buffer.from(await tail.arrayBuffer()).equals(FILM.subarray(FILM.length - 100))).toBe(true);
      expect(await (await fetch(video.subtitles[0].url)).text()).toBe(SUBTITLES.toString());
      expect(Buffer.from(await (await fetch(video.posterUrl)).arrayBuffer()).equals(POSTER)).toBe(true);
    });

    it('hands out every URL of a video with the configured lifetime', async () => {
      const shortLived: ListeningSettings = { urlTtlSeconds: 1, uploadTtlSeconds: 1 };
      const requested = Date.now();
      const video = await listeningHandlers({ videos, students, media, vault, settings: shortLived }).getVideo.execute(new GetVideoQuery(randomUUID(), 'markt'));
      for (const url of [video.streamUrl, video.posterUrl, ...video.subtitles.map((subtitle) => subtitle.url)]) expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('1');
      expect(new Date(video.urlsExpireAt).getTime()).toBeGreaterThanOrEqual(requested + 1_000);
      expect(new Date(video.urlsExpireAt).getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
      expect((await fetch(video.streamUrl, { headers: { range: 'bytes=0-9' } })).status).toBe(206);
      // That S3 refuses them afterwards (and refuses a changed signature) is proven on the stack's
      // strict S3 in media/object-storage-media.int.spec.ts: moto, used here, checks neither.
    });
  });

  describe('students on FerretDB', () => {
    /** A student's events waiting in the outbox, oldest first. */
    const pendingEventsOf = async (userId: string) => {
      const documents = await Promise.all(LISTENING_OUTBOX_COLLECTIONS.map((collection) => db.collection(collection).find({ _id: userId as never, _outboxPending: true }).toArray()));
      return documents.flat().flatMap((document) => ((document['_outbox'] ?? []) as EventEnvelope[]).map((event) => ({ type: event.type, payload: event.payload as Record<string, unknown> })));
    };

    it('writes viewings on their revision, refusing a stale write, with their events in the same document', async () => {
      const student = randomUUID();
      expect(await students.saveViewing(student, 'markt', viewing(), 0, [started(student, 'markt')])).toBe(true);
      expect(await students.saveViewing(student, 'markt', viewing({ watchedSeconds: 99 }), 0, [started(student, 'markt')])).toBe(false);
      expect(await students.saveViewing(student, 'markt', viewing({ positionSeconds: 8, watchedSeconds: 8, revision: 2 }), 1, [])).toBe(true);
      expect(await students.saveViewing(student, 'markt', viewing({ revision: 2 }), 1, [])).toBe(false);
      // A second video of the same student starts at revision 0 in the existing document.
      expect(await students.saveViewing(student, 'trein', viewing(), 0, [])).toBe(true);
      const stored = await students.viewingsOf(student);
      expect(stored.get('markt')).toEqual(viewing({ positionSeconds: 8, watchedSeconds: 8, revision: 2 }));
      expect([...stored.keys()].sort()).toEqual(['markt', 'trein']);
      expect(await pendingEventsOf(student)).toEqual([{ type: VideoStarted.type, payload: expect.objectContaining({ userId: student, videoId: 'markt' }) }]);
      expect(await students.viewingsOf(randomUUID())).toEqual(new Map());
    });

    it("keeps a student's last answer to each question, counting the attempts, each with its event", async () => {
      const student = randomUUID();
      const answer = (questionId: string, given: boolean | null, correct: boolean | null) =>
        students.saveAnswer({ userId: student, videoId: 'markt', questionId, kind: 'trueFalse', answer: given, correct, skipped: given === null, positionSeconds: 4.5, at }, answered(student, questionId));
      // Two first writes at once: one creates the student's document, the other updates it.
      await Promise.all([answer('q1', false, false), answer('q2', null, null)]);
      await answer('q1', true, true);
      const answers = await students.answersOf(student, 'markt');
      expect(answers.sort((a, b) => a.questionId.localeCompare(b.questionId))).toEqual([
        { userId: student, videoId: 'markt', questionId: 'q1', kind: 'trueFalse', answer: true, correct: true, skipped: false, positionSeconds: 4.5, attempts: 2, at },
        { userId: student, videoId: 'markt', questionId: 'q2', kind: 'trueFalse', answer: null, correct: null, skipped: true, positionSeconds: 4.5, attempts: 1, at },
      ]);
      expect(await students.answersOf(student, 'trein')).toEqual([]);
      expect((await pendingEventsOf(student)).map((event) => event.type)).toEqual([VideoAnswered.type, VideoAnswered.type, VideoAnswered.type]);
    });

    it('exports a student and erases them, leaving others alone', async () => {
      const [leaver, stayer] = [randomUUID(), randomUUID()];
      for (const student of [leaver, stayer]) {
        await students.saveViewing(student, 'markt', viewing(), 0, []);
        await students.saveAnswer({ userId: student, videoId: 'markt', questionId: 'q1', kind: 'multipleChoice', answer: 1, correct: true, skipped: false, positionSeconds: 4.4, at }, answered(student, 'q1'));
      }
      const exported = await students.exportOf(leaver);
      expect(exported).toEqual({
        viewings: [{ videoId: 'markt', ...viewing() }],
        answers: [expect.objectContaining({ userId: leaver, questionId: 'q1', answer: 1, attempts: 1 })],
        devices: [],
      });
      await students.erase(leaver);
      await students.erase(leaver);
      expect(await students.exportOf(leaver)).toEqual({ viewings: [], answers: [], devices: [] });
      expect((await students.exportOf(stayer)).answers).toHaveLength(1);
    });
  });

  describe('devices and their content keys (sealed under a key from Secrets Manager)', () => {
    const pair = () => {
      const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const jwk = publicKey.export({ format: 'jwk' }) as { n: string };
      return { publicKey: { kty: 'RSA', alg: 'RSA-OAEP-256', n: jwk.n, e: 'AQAB' } as DevicePublicKey, privateKey };
    };
    const unwrap = (privateKey: ReturnType<typeof pair>['privateKey'], wrapped: string) =>
      privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(wrapped, 'base64url'));

    it('registers a device, stores its key sealed, hands it out wrapped, and revokes it', async () => {
      const [student, other] = [randomUUID(), randomUUID()];
      const laptop = pair();
      const device = await handlers.registerDevice.execute(new RegisterDeviceCommand(student, { publicKey: laptop.publicKey, name: 'Laptop' }));
      const key = unwrap(laptop.privateKey, (await handlers.issueContentKey.execute(new IssueContentKeyCommand(student, device.deviceId))).wrappedKey);
      expect(key).toHaveLength(32);

      // At rest: sealed under the secret's current version, never the key itself.
      const document = await db.collection('listening_students').findOne({ _id: student as never });
      const stored = document?.['devices'][device.deviceId];
      expect(stored.contentKey).toEqual({ keyVersion: expect.any(String), sealed: expect.any(String) });
      expect(JSON.stringify(document)).not.toContain(key.toString('base64'));
      // Another process (a fresh vault) opens it by the version stored with it; for another device it does not open.
      const fresh = new SecretContentKeyVault(new AwsSecretStore({ client: secretsClient }), secretName);
      expect((await fresh.open(stored.contentKey, { userId: student, deviceId: device.deviceId })).equals(key)).toBe(true);
      await expect(fresh.open(stored.contentKey, { userId: student, deviceId: randomUUID() })).rejects.toThrow();

      await expect(handlers.issueContentKey.execute(new IssueContentKeyCommand(other, device.deviceId))).rejects.toMatchObject({ code: 'DEVICE_NOT_FOUND' });
      await handlers.revokeDevice.execute(new RevokeDeviceCommand(student, device.deviceId));
      expect((await db.collection('listening_students').findOne({ _id: student as never }))?.['devices'][device.deviceId]).toMatchObject({ contentKey: null, revokedAt: expect.any(Date) });
      await expect(handlers.issueContentKey.execute(new IssueContentKeyCommand(student, device.deviceId))).rejects.toMatchObject({ code: 'DEVICE_REVOKED' });
      await expect(handlers.revokeDevice.execute(new RevokeDeviceCommand(student, device.deviceId))).rejects.toMatchObject({ code: 'DEVICE_REVOKED' });
      expect(await students.revokeDevice(student, device.deviceId, at)).toBe(false);
      expect((await students.exportOf(student)).devices).toEqual([expect.objectContaining({ deviceId: device.deviceId, name: 'Laptop', contentKey: null })]);
    });
  });
});
