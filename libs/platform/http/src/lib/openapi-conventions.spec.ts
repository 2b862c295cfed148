import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiNotFoundResponse, DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { cleanupOpenApiDoc, createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { httpTestApp } from '../test-support/http-test-app';
import { CLIENT_HEADER_PARAMETERS, documentHttpConventions, STORABLE_TEXT_PATTERN } from './openapi-conventions';

class CreateThingDto extends createZodDto(z.strictObject({ name: z.string().min(1), code: z.string().regex(/^[A-Z]+$/).optional(), kind: z.enum(['a', 'b']).optional() })) {}

@Controller('things')
class ThingsController {
  @Post()
  create(@Body() body: CreateThingDto) {
    return { name: body.name };
  }

  @Get(':id')
  @ApiNotFoundResponse({ description: 'No thing has this id (THING_NOT_FOUND)' })
  one(@Param('id') id: string) {
    return { id };
  }
}

@Controller('auth')
class AuthController {
  @Get('ping')
  ping() {
    return {};
  }
}


describe('documentHttpConventions', () => {
  let app: NestFastifyApplication;
  let document: OpenAPIObject;

  beforeAll(async () => {
    app = await httpTestApp([ThingsController, AuthController]);
    const config = new DocumentBuilder().addGlobalParameters(...(CLIENT_HEADER_PARAMETERS as Parameters<DocumentBuilder['addGlobalParameters']>)).build();
    document = documentHttpConventions(cleanupOpenApiDoc(SwaggerModule.createDocument(app, config)));
  });

  afterAll(() => app.close());

  const statuses = (path: string, method: 'get' | 'post') => Object.keys(document.paths[path][method]?.responses ?? {}).sort();

  it('documents the platform’s answers on every operation, by what the operation takes', () => {
    expect(statuses('/api/v1/things', 'post')).toEqual(['201', '400', '413', '415', '426', '503']);
    // A body only where there is one; 404 where the path names a resource; 429 on the sign-in routes.
    expect(statuses('/api/v1/things/{id}', 'get')).toEqual(expect.arrayContaining(['400', '404', '426', '503']));
    expect(statuses('/api/v1/things/{id}', 'get')).not.toEqual(expect.arrayContaining(['413']));
    expect(statuses('/api/v1/auth/ping', 'get')).toEqual(['200', '400', '426', '429', '503']);
  });

  it('gives every error answer the error envelope, keeping what a controller wrote', () => {
    const notFound = document.paths['/api/v1/things/{id}'].get?.responses['404'] as { description: string; content: unknown };
    expect(notFound.description).toBe('No thing has this id (THING_NOT_FOUND)');
    for (const item of Object.values(document.paths)) {
      for (const operation of [item.get, item.post].filter(Boolean)) {
        for (const [status, response] of Object.entries(operation?.responses ?? {})) {
          if (Number(status) >= 400) expect({ status, content: (response as { content?: unknown }).content }).toEqual({ status, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } } });
        }
      }
    }
    expect(document.components?.schemas?.['ErrorEnvelope']).toMatchObject({ required: ['statusCode', 'code', 'message', 'correlationId'] });
  });

  it('says that request text cannot hold NUL, as the API refuses it, keeping a pattern already there', () => {
    const body = document.components?.schemas?.['CreateThingDto'] as { properties: Record<string, Record<string, unknown>> };
    expect(body.properties['name']).toMatchObject({ pattern: STORABLE_TEXT_PATTERN });
    expect(body.properties['code']).toMatchObject({ pattern: '^[A-Z]+$', allOf: [{ pattern: STORABLE_TEXT_PATTERN }] });
    expect(body.properties['kind']).not.toHaveProperty('pattern');
    expect(new RegExp(STORABLE_TEXT_PATTERN).test('a\u0000b')).toBe(false);
    expect(new RegExp(STORABLE_TEXT_PATTERN).test('fiets 🚲')).toBe(true);
  });

  it('describes the client headers with the values the gate accepts', async () => {
    const version = document.paths['/api/v1/things'].post?.parameters?.find((parameter) => 'name' in parameter && parameter.name === 'X-Client-Version') as { schema: { pattern: string } };
    expect(new RegExp(version.schema.pattern).test('2.3.0')).toBe(true);
    const answer = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/api/v1/things/1', headers: { 'x-client-platform': 'web' } });
    expect(answer.statusCode).toBe(200);
  });
});
