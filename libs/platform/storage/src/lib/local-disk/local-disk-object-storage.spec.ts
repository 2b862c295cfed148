import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { InvalidObjectKeyError, ObjectNotFoundError } from '../storage-errors';
import { LOCAL_UPLOAD_MEDIA_TYPE, LocalDiskObjectStorage } from './local-disk-object-storage';

const SECRET = 'a-test-secret-that-is-at-least-32-bytes-long';

describe('LocalDiskObjectStorage', () => {
  let directory: string;
  let storage: LocalDiskObjectStorage;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'tall-storage-'));
    storage = new LocalDiskObjectStorage({ directory, signingSecret: SECRET, baseUrl: 'http://localhost:3000/storage/local/' });
  });

  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('stores, reads, checks and deletes an object with its content type', async () => {
    await storage.put('lessons/1/notes.txt', Buffer.from('hallo wereld'), { contentType: 'text/plain' });
    expect(await storage.exists('lessons/1/notes.txt')).toBe(true);
    const object = await storage.get('lessons/1/notes.txt');
    expect(object).toMatchObject({ key: 'lessons/1/notes.txt', contentType: 'text/plain', contentLength: 12 });
    expect(await text(object.body)).toBe('hallo wereld');
    expect(await storage.head('lessons/1/notes.txt')).toMatchObject({ key: 'lessons/1/notes.txt', contentType: 'text/plain', contentLength: 12 });

    await storage.delete('lessons/1/notes.txt');
    expect(await storage.exists('lessons/1/notes.txt')).toBe(false);
    await expect(storage.get('lessons/1/notes.txt')).rejects.toBeInstanceOf(ObjectNotFoundError);
    await expect(storage.head('lessons/1/notes.txt')).rejects.toBeInstanceOf(ObjectNotFoundError);
    // Empty folders go with the last object, so the name is free for an object again.
    await storage.put('lessons/1', Buffer.from('x'), { contentType: 'text/plain' });
    expect(await storage.exists('lessons/1')).toBe(true);
  });

  it('stores a stream and replaces an existing object', async () => {
    await storage.put('a.bin', Buffer.from('old'), { contentType: 'application/octet-stream' });
    await storage.put('a.bin', Readable.from([Buffer.from('new '), Buffer.from('content')]), { contentType: 'text/plain' });
    const object = await storage.get('a.bin');
    expect(object.contentType).toBe('text/plain');
    expect(await text(object.body)).toBe('new content');
  });

  it('keeps files private to the process user', async () => {
    await storage.put('private.txt', Buffer.from('x'), { contentType: 'text/plain' });
    expect((await stat(join(directory, 'objects', 'private.txt'))).mode & 0o077).toBe(0);
  });

  it('leaves nothing behind when the body stream fails', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('client went away'));
      },
    });
    await expect(storage.put('broken.bin', failing, { contentType: 'text/plain' })).rejects.toThrow('client went away');
    expect(await storage.exists('broken.bin')).toBe(false);
  });

  it('treats missing objects and folders as not found', async () => {
    await storage.put('folder/object', Buffer.from('x'), { contentType: 'text/plain' });
    await expect(storage.get('folder')).rejects.toBeInstanceOf(ObjectNotFoundError);
    await expect(storage.get('folder/object/deeper')).rejects.toBeInstanceOf(ObjectNotFoundError);
    expect(await storage.exists('nothing/here')).toBe(false);
    await expect(storage.delete('nothing/here')).resolves.toBeUndefined();
  });

  it('rejects keys that would leave the directory', async () => {
    for (const key of ['../escape', '/etc/passwd', 'a/../../b']) {
      await expect(storage.put(key, Buffer.from('x'), { contentType: 'text/plain' })).rejects.toBeInstanceOf(InvalidObjectKeyError);
      await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidObjectKeyError);
      await expect(storage.presignGet(key, { expiresInSeconds: 60 })).rejects.toBeInstanceOf(InvalidObjectKeyError);
    }
  });

  it('signs URLs that verify, with the upload media type as the header to send', async () => {
    const get = await storage.presignGet('a b/ü.txt', { expiresInSeconds: 60 });
    const url = new URL(get.url);
    expect(url.pathname).toBe('/storage/local/a%20b/%C3%BC.txt');
    expect(
      storage.verifySignedRequest({
        method: 'GET',
        key: 'a b/ü.txt',
        expires: url.searchParams.get('expires') ?? undefined,
        signature: url.searchParams.get('signature') ?? undefined,
      }),
    ).toMatchObject({ valid: true });

    const put = await storage.presignPut('upload.png', { contentType: 'image/png', expiresInSeconds: 60 });
    expect(put.headers).toEqual({ 'content-type': LOCAL_UPLOAD_MEDIA_TYPE });
    expect(new URL(put.url).searchParams.get('contentType')).toBe('image/png');
    expect(put.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });
});
