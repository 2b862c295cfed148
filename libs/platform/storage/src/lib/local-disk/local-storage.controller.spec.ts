import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StorageModule } from '../storage.module';
import { LocalDiskObjectStorage } from './local-disk-object-storage';

const SECRET = 'a-test-secret-that-is-at-least-32-bytes-long';

describe('LocalStorageController (Fastify)', () => {
  let directory: string;
  let app: NestFastifyApplication;
  let storage: LocalDiskObjectStorage;
  let now = Date.now();

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'tall-storage-http-'));
    @Module({
      imports: [
        StorageModule.forRoot({
          driver: 'local',
          directory,
          signingSecret: SECRET,
          baseUrl: 'http://localhost/storage/local',
          maxUploadBytes: 1024,
          now: () => now,
        }),
      ],
    })
    class TestModule {}
    app = await NestFactory.create<NestFastifyApplication>(TestModule, new FastifyAdapter(), { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    storage = app.get(LocalDiskObjectStorage);
  });

  afterAll(async () => {
    await app.close();
    await rm(directory, { recursive: true, force: true });
  });

  beforeEach(() => {
    now = Date.now();
  });

  const pathOf = (url: string) => url.slice('http://localhost'.length);

  it('accepts a signed PUT and serves the object through a signed GET', async () => {
    const put = await storage.presignPut('media/clip one.mp4', { contentType: 'video/mp4', expiresInSeconds: 60 });
    const uploaded = await app.inject({ method: 'PUT', url: pathOf(put.url), headers: put.headers, payload: Buffer.from('frames') });
    expect(uploaded.statusCode).toBe(200);

    const get = await storage.presignGet('media/clip one.mp4', { expiresInSeconds: 60 });
    const downloaded = await app.inject({ method: 'GET', url: pathOf(get.url) });
    expect(downloaded.statusCode).toBe(200);
    expect(downloaded.headers['content-type']).toBe('video/mp4');
    expect(downloaded.headers['content-length']).toBe('6');
    expect(downloaded.headers['x-content-type-options']).toBe('nosniff');
    expect(downloaded.body).toBe('frames');
  });

  it('answers 403 with a code for a tampered key and for an expired URL', async () => {
    await storage.put('a.txt', Buffer.from('a'), { contentType: 'text/plain' });
    const get = await storage.presignGet('a.txt', { expiresInSeconds: 60 });

    const tampered = await app.inject({ method: 'GET', url: pathOf(get.url).replace('/a.txt', '/b.txt') });
    expect(tampered.statusCode).toBe(403);
    expect(tampered.json()).toMatchObject({ code: 'STORAGE_URL_SIGNATURE_INVALID' });

    const unsigned = await app.inject({ method: 'GET', url: '/storage/local/a.txt' });
    expect(unsigned.statusCode).toBe(403);

    now += 61_000;
    const expired = await app.inject({ method: 'GET', url: pathOf(get.url) });
    expect(expired.statusCode).toBe(403);
    expect(expired.json()).toMatchObject({ code: 'STORAGE_URL_EXPIRED' });
  });

  it('answers 404 for a signed URL to a missing object', async () => {
    const get = await storage.presignGet('missing.txt', { expiresInSeconds: 60 });
    const response = await app.inject({ method: 'GET', url: pathOf(get.url) });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'STORAGE_OBJECT_NOT_FOUND' });
  });

  it('refuses a GET URL used for a PUT, and a PUT with another content type than signed', async () => {
    const get = await storage.presignGet('x.txt', { expiresInSeconds: 60 });
    const asPut = await app.inject({ method: 'PUT', url: pathOf(get.url), headers: { 'content-type': 'application/vnd.tall.local-upload' }, payload: 'x' });
    expect(asPut.statusCode).toBe(403);

    const put = await storage.presignPut('x.txt', { contentType: 'text/plain', expiresInSeconds: 60 });
    const otherType = await app.inject({ method: 'PUT', url: pathOf(put.url).replace('text%2Fplain', 'text%2Fhtml'), headers: put.headers, payload: 'x' });
    expect(otherType.statusCode).toBe(403);
    expect(await storage.exists('x.txt')).toBe(false);
  });

  it('requires the upload media type it handed out, and enforces the size limit', async () => {
    const put = await storage.presignPut('big.bin', { contentType: 'application/octet-stream', expiresInSeconds: 60 });
    const wrongType = await app.inject({ method: 'PUT', url: pathOf(put.url), headers: { 'content-type': 'application/json' }, payload: '{}' });
    expect(wrongType.statusCode).toBe(415);

    const tooBig = await app.inject({ method: 'PUT', url: pathOf(put.url), headers: put.headers, payload: Buffer.alloc(2048) });
    expect(tooBig.statusCode).toBe(413);
    expect(await storage.exists('big.bin')).toBe(false);
  });

  it('leaves other routes\' body handling alone', async () => {
    const response = await app.inject({ method: 'POST', url: '/nothing', headers: { 'content-type': 'image/png' }, payload: 'x' });
    expect(response.statusCode).toBe(404);
  });
});
