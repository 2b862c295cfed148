import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, Module } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import {
  API_CONTENT_SECURITY_POLICY,
  configureHttp,
  HttpPlatformModule,
  PAGE_CONTENT_SECURITY_POLICY,
  pageContentSecurityPolicy,
  serviceWorkerContentSecurityPolicy,
} from '@tall/platform/http';
import { createLogger, ObservabilityModule } from '@tall/platform/observability';
import { setupOpenApi } from './openapi';
import { serveWebClient, type WebClientPolicies } from './web-client';

@Controller('things')
class ThingsController {
  @Get()
  list() {
    return { items: [] };
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

async function appServing(directory: string, policies?: WebClientPolicies): Promise<{ app: NestFastifyApplication; served: boolean }> {
  const logger = createLogger({ level: 'silent' });
  const moduleRef = await Test.createTestingModule({
    imports: [ObservabilityModule.forRoot({ logger }), HttpPlatformModule.forRoot({ minimumClientVersions: { web: '1.0.0', android: '1.0.0', desktop: '1.0.0' } }), ThingsModule],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  configureHttp(app, logger, { publicUrl: 'https://tall.school.example' });
  setupOpenApi(app);
  const served = await serveWebClient(app, directory, logger, policies);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return { app, served };
}

describe('the web client served by the API', () => {
  let directory: string;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'tall-web-'));
    writeFileSync(join(directory, 'index.html'), '<!doctype html><tall-root></tall-root>');
    writeFileSync(join(directory, 'main-ABCDEFGH.js'), 'console.log("main")');
    writeFileSync(join(directory, 'ngsw-worker.js'), '// worker');
    mkdirSync(join(directory, 'media'));
    writeFileSync(join(directory, 'media', 'logo.svg'), '<svg/>');
    writeFileSync(join(tmpdir(), 'tall-web-outside.txt'), 'secret');
    ({ app } = await appServing(directory));
  });

  afterAll(async () => {
    await app.close();
    rmSync(directory, { recursive: true, force: true });
    rmSync(join(tmpdir(), 'tall-web-outside.txt'), { force: true });
  });

  const get = (url: string) => app.inject({ method: 'GET', url });

  it('answers / with the app shell, always revalidated', async () => {
    const response = await get('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('<tall-root>');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('answers client routes with the app shell, so deep links and reloads work', async () => {
    for (const route of ['/learn/thematic-cards', '/admin/users', '/account?tab=1']) {
      const response = await get(route);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<tall-root>');
    }
  });

  it('serves hashed bundles as immutable and other files with a short cache', async () => {
    const bundle = await get('/main-ABCDEFGH.js');
    expect(bundle.statusCode).toBe(200);
    expect(bundle.body).toBe('console.log("main")');
    expect(bundle.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get('/ngsw-worker.js')).headers['cache-control']).toBe('no-cache');
    const logo = await get('/media/logo.svg');
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['cache-control']).toBe('public, max-age=3600');
  });

  it("gives the app's files the policy for pages, and the API and its docs' data the strict one", async () => {
    for (const path of ['/', '/learn/thematic-cards', '/main-ABCDEFGH.js', '/api/docs']) {
      const response = await get(path);
      expect([path, response.statusCode]).toEqual([path, 200]);
      expect([path, response.headers['content-security-policy']]).toEqual([path, PAGE_CONTENT_SECURITY_POLICY]);
      expect(response.headers).toMatchObject({ 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'strict-transport-security': expect.stringContaining('max-age=') });
    }
    for (const path of ['/api/v1/things', '/api/docs-json', '/api/v1/nothing-here', '/main-MISSING1.js']) {
      expect([path, (await get(path)).headers['content-security-policy']]).toEqual([path, API_CONTENT_SECURITY_POLICY]);
    }
  });

  it('lets pages load media from the storage, and its service worker fetch them on their behalf', async () => {
    const media = { mediaOrigins: ['https://tall-media.s3.eu-west-1.amazonaws.com'] };
    const { app: withStorage } = await appServing(directory, { page: pageContentSecurityPolicy(media), serviceWorker: serviceWorkerContentSecurityPolicy(media) });
    try {
      const header = async (path: string) => (await withStorage.inject({ method: 'GET', url: path })).headers['content-security-policy'];
      expect(await header('/')).toBe(pageContentSecurityPolicy(media));
      expect(await header('/main-ABCDEFGH.js')).toBe(pageContentSecurityPolicy(media));
      expect(await header('/ngsw-worker.js')).toBe(serviceWorkerContentSecurityPolicy(media));
    } finally {
      await withStorage.close();
    }
  });

  it('leaves the API alone: its routes work and unknown API paths keep the 404 envelope', async () => {
    expect((await get('/api/v1/things')).json()).toEqual({ items: [] });
    for (const path of ['/api/v1/nothing-here', '/health/nope', '/metrics/x', '/api']) {
      const response = await get(path);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ statusCode: 404 });
    }
  });

  it('answers a missing file with 404, not the app shell, and never serves outside its directory', async () => {
    expect((await get('/main-MISSING1.js')).statusCode).toBe(404);
    const escape = await get('/..%2Ftall-web-outside.txt');
    expect(escape.statusCode).toBe(404);
    expect(escape.body).not.toContain('secret');
    // A malformed URL is refused before any route (Fastify answers 400 through the envelope).
    const malformed = await get('/%E0%A4%A');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).not.toContain('<tall-root>');
  });

  it('serves nothing at / when no client is built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'tall-web-empty-'));
    const { app: bare, served } = await appServing(empty);
    try {
      expect(served).toBe(false);
      expect((await bare.inject({ method: 'GET', url: '/' })).statusCode).toBe(404);
      expect((await bare.inject({ method: 'GET', url: '/api/v1/things' })).statusCode).toBe(200);
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
