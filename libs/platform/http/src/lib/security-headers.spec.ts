import { Controller, Get, Module } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { createLogger, ObservabilityModule } from '@tall/platform/observability';
import { configureHttp } from './configure-http';
import { HttpPlatformModule } from './http.module';
import { errors } from './api-error';
import {
  API_CONTENT_SECURITY_POLICY,
  PAGE_CONTENT_SECURITY_POLICY,
  pageContentSecurityPolicy,
  PERMISSIONS_POLICY,
  serviceWorkerContentSecurityPolicy,
  type SecurityHeadersOptions,
} from './security-headers';

@Controller('things')
class ThingsController {
  @Get()
  list() {
    return { items: [] };
  }

  @Get('taken')
  taken(): never {
    throw errors.conflict('EMAIL_TAKEN', 'An account with this email exists');
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

async function appWith(options?: SecurityHeadersOptions): Promise<NestFastifyApplication> {
  const logger = createLogger({ level: 'silent' });
  const moduleRef = await Test.createTestingModule({
    imports: [
      ObservabilityModule.forRoot({ logger }),
      HttpPlatformModule.forRoot({ minimumClientVersions: { web: '1.0.0', android: '2.0.0', desktop: '1.0.0' } }),
      ThingsModule,
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  configureHttp(app, logger, options);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

describe('security headers', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await appWith({ publicUrl: 'http://localhost:3000' });
  });

  afterAll(() => app.close());

  const expectApiHeaders = (headers: Record<string, unknown>) => {
    expect(headers).toMatchObject({
      'content-security-policy': API_CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'permissions-policy': PERMISSIONS_POLICY,
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    });
    expect(headers['x-powered-by']).toBeUndefined();
  };

  it('puts them on a JSON answer, with the strict policy for data', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/things' });
    expect(response.statusCode).toBe(200);
    expectApiHeaders(response.headers);
    expect(PERMISSIONS_POLICY).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  });

  it('puts them on errors too: a mapped error, an unknown route, and the early 426 of the version gate', async () => {
    const conflict = await app.inject({ method: 'GET', url: '/api/v1/things/taken' });
    expect(conflict.statusCode).toBe(409);
    expectApiHeaders(conflict.headers);
    const missing = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expectApiHeaders(missing.headers);
    const old = await app.inject({ method: 'GET', url: '/api/v1/things', headers: { 'x-client-platform': 'android', 'x-client-version': '1.9.0' } });
    expect(old.statusCode).toBe(426);
    expectApiHeaders(old.headers);
  });

  it('sends no HSTS when the public address is plain http (or unknown)', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/things' })).headers['strict-transport-security']).toBeUndefined();
    const unknown = await appWith();
    try {
      expect((await unknown.inject({ method: 'GET', url: '/api/v1/things' })).headers['strict-transport-security']).toBeUndefined();
    } finally {
      await unknown.close();
    }
  });

  it('sends HSTS for a year, subdomains included, when the public address is https', async () => {
    const secure = await appWith({ publicUrl: 'https://tall.school.example' });
    try {
      const response = await secure.inject({ method: 'GET', url: '/api/v1/things' });
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expectApiHeaders(response.headers);
    } finally {
      await secure.close();
    }
  });
});

describe('the policy for pages', () => {
  const directives = (policy: string) => new Map(policy.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));

  it('allows scripts and calls to this origin only, no inline script, no plugins, no framing', () => {
    const policy = directives(PAGE_CONTENT_SECURITY_POLICY);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    for (const sources of policy.values()) expect(sources).not.toContain("'unsafe-eval'");
  });

  it('lets media and pictures come from the storage behind pre-signed URLs, and nothing else from there', () => {
    const policy = directives(pageContentSecurityPolicy({ mediaOrigins: ['https://tall-media.s3.eu-west-1.amazonaws.com'] }));
    expect(policy.get('media-src')).toEqual(["'self'", 'blob:', 'https://tall-media.s3.eu-west-1.amazonaws.com']);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https://tall-media.s3.eu-west-1.amazonaws.com']);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(directives(PAGE_CONTENT_SECURITY_POLICY).get('media-src')).toEqual(["'self'", 'blob:']);
  });

  it('lets the service worker fetch those media on the pages’ behalf', () => {
    const storage = 'https://tall-media.s3.eu-west-1.amazonaws.com';
    const worker = directives(serviceWorkerContentSecurityPolicy({ mediaOrigins: [storage] }));
    expect(worker.get('connect-src')).toEqual(["'self'", storage]);
    expect(worker.get('media-src')).toEqual(["'self'", 'blob:', storage]);
    expect(worker.get('script-src')).toEqual(["'self'"]);
  });
});
