import { DeleteBucketCommand, DeleteObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { stackEnv, uniqueName } from '@tall/platform/testing';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer, text } from 'node:stream/consumers';
import { ObjectNotFoundError, StorageUnavailableError } from '../storage-errors';
import { createS3Client, S3ObjectStorage } from './s3-object-storage';

describe('S3ObjectStorage against the local S3 server', () => {
  const env = stackEnv();
  // S3 bucket names: lower case, digits, hyphens.
  const bucket = uniqueName('tall-test').toLowerCase().replace(/_/g, '-');
  let client: S3Client;
  let storage: S3ObjectStorage;

  beforeAll(async () => {
    client = createS3Client({
      region: env.AWS_REGION,
      endpoint: env.AWS_ENDPOINT_URL_S3,
      forcePathStyle: true,
      credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
    });
    storage = new S3ObjectStorage({ client, bucket, partSizeBytes: 5 * 1024 * 1024 });
    await storage.ensureBucket();
    await storage.ensureBucket(); // a second instance starting finds the bucket and carries on
  });

  afterAll(async () => {
    const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
    for (const object of listed.Contents ?? []) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: object.Key }));
    }
    await client.send(new DeleteBucketCommand({ Bucket: bucket }));
    client.destroy();
  });

  it('puts, gets, checks and deletes an object', async () => {
    await storage.put('lessons/1/notes.txt', Buffer.from('hallo wereld'), { contentType: 'text/plain' });
    expect(await storage.exists('lessons/1/notes.txt')).toBe(true);

    const object = await storage.get('lessons/1/notes.txt');
    expect(object).toMatchObject({ key: 'lessons/1/notes.txt', contentType: 'text/plain', contentLength: 12 });
    expect(object.etag).toBeTruthy();
    expect(await text(object.body)).toBe('hallo wereld');
    expect(await storage.head('lessons/1/notes.txt')).toMatchObject({ key: 'lessons/1/notes.txt', contentType: 'text/plain', contentLength: 12 });

    await storage.delete('lessons/1/notes.txt');
    await expect(storage.head('lessons/1/notes.txt')).rejects.toBeInstanceOf(ObjectNotFoundError);
    expect(await storage.exists('lessons/1/notes.txt')).toBe(false);
    await expect(storage.get('lessons/1/notes.txt')).rejects.toBeInstanceOf(ObjectNotFoundError);
    await expect(storage.delete('lessons/1/notes.txt')).resolves.toBeUndefined();
  });

  it('uploads streams of known length, small unknown length and multipart unknown length', async () => {
    await storage.put('known.txt', Readable.from([Buffer.from('abc')]), { contentType: 'text/plain', contentLength: 3 });
    expect(await text((await storage.get('known.txt')).body)).toBe('abc');

    await storage.put('small.txt', Readable.from([Buffer.from('de'), Buffer.from('f')]), { contentType: 'text/plain' });
    expect(await text((await storage.get('small.txt')).body)).toBe('def');

    const large = randomBytes(11 * 1024 * 1024 + 17);
    const chunks = Array.from({ length: Math.ceil(large.length / 65536) }, (_, i) => large.subarray(i * 65536, (i + 1) * 65536));
    await storage.put('large.bin', Readable.from(chunks), { contentType: 'application/octet-stream' });
    const object = await storage.get('large.bin');
    expect(object.contentLength).toBe(large.length);
    expect((await buffer(object.body)).equals(large)).toBe(true);
  });

  it('hands out a pre-signed PUT and GET that work with fetch', async () => {
    const put = await storage.presignPut('uploads/photo.png', { contentType: 'image/png', expiresInSeconds: 300 });
    expect(put.method).toBe('PUT');
    expect(put.headers).toEqual({ 'content-type': 'image/png' });
    const uploaded = await fetch(put.url, { method: 'PUT', headers: put.headers, body: Buffer.from('png bytes') });
    expect(uploaded.status).toBe(200);

    const get = await storage.presignGet('uploads/photo.png', { expiresInSeconds: 300 });
    const downloaded = await fetch(get.url, { headers: get.headers });
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-type')).toBe('image/png');
    expect(await downloaded.text()).toBe('png bytes');
  });

  it('reports an unreachable endpoint as StorageUnavailableError', async () => {
    const offline = new S3ObjectStorage({
      client: createS3Client({
        region: 'us-east-1',
        endpoint: 'http://127.0.0.1:9', // discard port: nothing listens
        forcePathStyle: true,
        credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
      }),
      bucket,
    });
    await expect(offline.get('a.txt')).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(offline.checkReachable()).rejects.toBeInstanceOf(StorageUnavailableError);
  });
});
