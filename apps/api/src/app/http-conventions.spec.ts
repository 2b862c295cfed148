import { Body, Controller, Get, Module, Param, Post } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { z } from 'zod';
import { configureHttp, createZodDto, errors, frameworkErrorHandler, HttpPlatformModule } from '@tall/platform/http';
import { createLogger, ObservabilityModule } from '@tall/platform/observability';

class CreateThingDto extends createZodDto(z.strictObject({ name: z.string().min(1), count: z.int().min(0) })) {}

@Controller('things')
class ThingsController {
  @Post()
  create(@Body() body: CreateThingDto) {
    return { created: body.name };
  }

  @Get('boom')
  boom(): never {
    throw new Error('secret internal detail');
  }

  @Get('by-name/:name')
  byName(@Param('name') name: string) {
    return { name };
  }

  @Get('taken')
  taken(): never {
    throw errors.conflict('EMAIL_TAKEN', 'An account with this email exists');
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

describe('HTTP conventions', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const logger = createLogger({ level: 'silent' });
    const moduleRef = await Test.createTestingModule({
      imports: [
        ObservabilityModule.forRoot({ logger }),
        HttpPlatformModule.forRoot({ minimumClientVersions: { web: '1.0.0', android: '2.0.0', desktop: '1.0.0' } }),
        ThingsModule,
      ],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter({ bodyLimit: 2048, frameworkErrors: frameworkErrorHandler(logger) }));
    configureHttp(app, logger);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app.close());

  const post = (payload: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/v1/things', payload, headers: { 'content-type': 'application/json', ...headers } });

  it('serves versioned routes and echoes the correlation id', async () => {
    const response = await post(JSON.stringify({ name: 'a', count: 1 }), { 'x-correlation-id': 'test-corr-1' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ created: 'a' });
    expect(response.headers['x-correlation-id']).toBe('test-corr-1');
  });

  it('generates a correlation id when none is sent', async () => {
    const response = await post(JSON.stringify({ name: 'a', count: 1 }));
    expect(response.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects unknown fields and reports each bad field', async () => {
    const response = await post(JSON.stringify({ name: '', count: 'many', admin: true }));
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', correlationId: expect.any(String) });
    const fields = body.details.fields.map((field: { field: string }) => field.field).sort();
    expect(fields).toEqual(['admin', 'count', 'name']);
    expect(body.details.fields.find((field: { field: string }) => field.field === 'admin').code).toBe('unknown_field');
  });

  it("answers the router's own refusals (a path segment too long, or not valid percent-encoding) with 400 in the envelope", async () => {
    const long = await app.inject({ method: 'GET', url: `/api/v1/things/by-name/${'a'.repeat(500)}` });
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: { fields: [{ field: 'path', code: 'too_big' }] }, correlationId: expect.any(String) });
    const malformed = await app.inject({ method: 'GET', url: '/api/v1/things/by-name/%E0%A4%A' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'path', code: 'invalid_format' }] } });
  });

  it('answers malformed JSON with 400 and an oversized body with 413, in the envelope', async () => {
    const malformed = await post('{"name": ');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'MALFORMED_JSON', correlationId: expect.any(String) });

    const oversized = await post(JSON.stringify({ name: 'x'.repeat(4096), count: 1 }));
    expect(oversized.statusCode).toBe(413);
    expect(oversized.json()).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('asks a too-old client to upgrade with the minimum version', async () => {
    const response = await post(JSON.stringify({ name: 'a', count: 1 }), { 'x-client-platform': 'android', 'x-client-version': '1.9.0' });
    expect(response.statusCode).toBe(426);
    expect(response.json()).toMatchObject({ code: 'CLIENT_UPGRADE_REQUIRED', details: { minVersion: '2.0.0' } });
    const current = await post(JSON.stringify({ name: 'a', count: 1 }), { 'x-client-platform': 'android', 'x-client-version': '2.0.0' });
    expect(current.statusCode).toBe(201);
  });

  it('rejects bad client headers with 400', async () => {
    const response = await post(JSON.stringify({ name: 'a', count: 1 }), { 'x-client-platform': 'ios', 'x-client-version': '1.0.0' });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('INVALID_CLIENT_HEADERS');
  });

  it('maps typed errors and hides unexpected ones', async () => {
    const taken = await app.inject({ method: 'GET', url: '/api/v1/things/taken' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'EMAIL_TAKEN', message: 'An account with this email exists' });

    const boom = await app.inject({ method: 'GET', url: '/api/v1/things/boom' });
    expect(boom.statusCode).toBe(500);
    expect(boom.body).not.toContain('secret internal detail');
    expect(boom.json().code).toBe('INTERNAL_ERROR');
  });

  it('answers unknown routes with 404 in the envelope', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('exposes liveness and latency metrics by route', async () => {
    expect((await app.inject({ method: 'GET', url: '/health/live' })).json()).toEqual({ status: 'ok' });
    const metrics = await app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/tall_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/things",status="201"\}/);
  });
});
