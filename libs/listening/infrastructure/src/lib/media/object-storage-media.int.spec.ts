import { randomBytes, randomUUID } from 'node:crypto';
import { DeleteBucketCommand, DeleteObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { mediaObjectKey } from '@tall/listening/domain';
import { createS3Client, S3ObjectStorage } from '@tall/platform/storage';
import { strictS3Env, uniqueName, waitFor } from '@tall/platform/testing';
import { ObjectStorageMedia } from './object-storage-media';

/**
 * The media adapter as production builds it, against the local stack's strict S3 server
 * (versitygw), which checks SigV4 query authentication as S3 does: moto, the stack's main S3,
 * serves a pre-signed URL whatever its signature and expiry say (ADR 18).
 */
describe('ObjectStorageMedia on a strict S3 server', () => {
  const env = strictS3Env();
  const bucket = uniqueName('tall-listening-strict').toLowerCase().replace(/_/g, '-');
  const FILM = randomBytes(48 * 1024);
  const key = mediaObjectKey('strict-s3', { uploadId: randomUUID(), kind: 'video', lang: null, contentType: 'video/mp4' });
  let client: S3Client;
  let media: ObjectStorageMedia;

  beforeAll(async () => {
    client = createS3Client({
      region: 'us-east-1',
      endpoint: env.S3_STRICT_ENDPOINT,
      forcePathStyle: true,
      credentials: { accessKeyId: env.S3_STRICT_ACCESS_KEY_ID, secretAccessKey: env.S3_STRICT_SECRET_ACCESS_KEY },
    });
    const storage = new S3ObjectStorage({ client, bucket });
    await storage.ensureBucket();
    media = new ObjectStorageMedia(storage);

    // Uploaded as an admin's browser does: a pre-signed PUT with the signed content type.
    const upload = await media.presignPut(key, 'video/mp4', 60);
    const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: FILM });
    expect(put.status).toBe(200);
  });

  afterAll(async () => {
    const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
    for (const object of listed.Contents ?? []) await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: object.Key }));
    await client.send(new DeleteBucketCommand({ Bucket: bucket }));
    client.destroy();
  });

  it('finds the upload in storage with its type and size (HeadObject)', async () => {
    expect(await media.head(key)).toEqual({ contentType: 'video/mp4', sizeBytes: FILM.length });
    expect(await media.head(`${key}.missing`)).toBeNull();
  });

  it('refuses an upload that declares another type than the one signed (403), and stores nothing', async () => {
    const other = `${key}.typed`;
    const upload = await media.presignPut(other, 'video/mp4', 60);

    const put = await fetch(upload.url, { method: 'PUT', headers: { 'content-type': 'text/html' }, body: FILM });

    expect(put.status).toBe(403);
    expect(await media.head(other)).toBeNull();
  });

  it('serves the film from a 2-second URL, whole (200) and by range (206), and refuses the same URL once it has expired (403)', async () => {
    const signed = await media.presignGet(key, 2);
    expect(new URL(signed.url).searchParams.get('X-Amz-Expires')).toBe('2');

    const whole = await fetch(signed.url);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(FILM)).toBe(true);
    const ranged = await fetch(signed.url, { headers: { range: 'bytes=1000-1999' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe(`bytes 1000-1999/${FILM.length}`);
    expect(Buffer.from(await ranged.arrayBuffer()).equals(FILM.subarray(1000, 2000))).toBe(true);

    // S3 counts the lifetime from X-Amz-Date (whole seconds, no later than `expiresAt` minus the
    // TTL but for the few milliseconds signing takes): a quarter second past `expiresAt` it is over.
    await waitFor(() => Date.now() > signed.expiresAt.getTime() + 250, { timeoutMs: 5_000, intervalMs: 50, what: 'the URL to expire' });
    const expired = await fetch(signed.url, { headers: { range: 'bytes=1000-1999' } });
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Request has expired');
  });

  it('refuses a URL whose signature or lifetime was changed (403)', async () => {
    const signed = new URL((await media.presignGet(key, 60)).url);
    const signature = signed.searchParams.get('X-Amz-Signature') as string;

    const tampered = new URL(signed);
    tampered.searchParams.set('X-Amz-Signature', `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`);
    const forged = await fetch(tampered);
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('SignatureDoesNotMatch');

    const extended = new URL(signed);
    extended.searchParams.set('X-Amz-Expires', '900');
    const longer = await fetch(extended);
    expect(longer.status).toBe(403);
    expect(await longer.text()).toContain('SignatureDoesNotMatch');

    // The untouched URL still works: the refusals above are about the changes.
    expect((await fetch(signed, { headers: { range: 'bytes=0-9' } })).status).toBe(206);
  });

  it('signs playback URLs of at most 15 minutes', async () => {
    expect(new URL((await media.presignGet(key, 900)).url).searchParams.get('X-Amz-Expires')).toBe('900');
    for (const ttl of [901, 3_600, 0, 1.5]) await expect(media.presignGet(key, ttl)).rejects.toThrow(RangeError);
  });
});
