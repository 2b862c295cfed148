import { Controller, Delete, Get, Param, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AllowedMethods } from './allowed-methods';
import { errors } from './api-error';
import { httpTestApp } from '../test-support/http-test-app';

describe('AllowedMethods', () => {
  const allowed = new AllowedMethods();
  allowed.add(['GET', 'HEAD'], '/api/v1/users/:id');
  allowed.add('DELETE', '/api/v1/users/:id');
  allowed.add('POST', '/api/v1/users');
  allowed.add(['GET', 'HEAD'], '/*');
  allowed.add('POST', '/api/v1/users/import');

  it('knows the methods of a path, parameters matched as one segment, HEAD left to GET', () => {
    expect(allowed.of('/api/v1/users/42')).toEqual(['DELETE', 'GET']);
    expect(allowed.of('/api/v1/users/42/')).toEqual(['DELETE', 'GET']);
    expect(allowed.of('/api/v1/users?page=2')).toEqual(['POST']);
  });

  it('gives a path a route spells out to that route alone, as the OpenAPI document lists it', () => {
    expect(allowed.of('/api/v1/users/import')).toEqual(['POST']);
    expect(allowed.refusing('DELETE', '/api/v1/users/import')).toEqual(['POST']);
    expect(allowed.refusing('DELETE', '/api/v1/users/42')).toBeUndefined();
    expect(allowed.refusing('HEAD', '/api/v1/users/42')).toBeUndefined();
  });

  it('knows nothing of other paths, the wildcard route included', () => {
    expect(allowed.of('/api/v1/users/42/roles')).toEqual([]);
    expect(allowed.of('/api/v1/nothing')).toEqual([]);
    expect(allowed.of('/learn/thematic-cards')).toEqual([]);
  });
});

@Controller('things')
class ThingsController {
  @Post()
  create() {
    return { id: '1' };
  }

  @Get(':id')
  one(@Param('id') id: string) {
    if (id !== '1') throw errors.notFound('Thing', 'THING_NOT_FOUND');
    return { id };
  }

  @Delete(':id')
  remove() {
    return undefined;
  }

  @Post('archive')
  archive() {
    return { archived: true };
  }
}


describe('405 with Allow for a known path asked with another method', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await httpTestApp([ThingsController]);
  });

  afterAll(() => app.close());

  // QUERY is not among light-my-request's method names, though Fastify routes it.
  const inject = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'QUERY', url: string) =>
    app.getHttpAdapter().getInstance().inject({ method: method as 'GET', url });

  it('answers 405 in the error envelope, with the methods the path answers', async () => {
    const response = await inject('PUT', '/api/v1/things/1');
    expect(response.statusCode).toBe(405);
    expect(response.headers['allow']).toBe('DELETE, GET');
    expect(response.json()).toMatchObject({ statusCode: 405, code: 'METHOD_NOT_ALLOWED', details: { allowed: ['DELETE', 'GET'] } });
    expect((await inject('GET', '/api/v1/things')).headers['allow']).toBe('POST');
  });

  it('answers 405 before reading a body, for a method that would need one (QUERY without Content-Type)', async () => {
    const response = await inject('QUERY', '/api/v1/things/1');
    expect(response.statusCode).toBe(405);
    expect(response.headers['allow']).toBe('DELETE, GET');
  });

  it('refuses a method a spelled-out path does not answer, although a parametric route would match it', async () => {
    const response = await inject('DELETE', '/api/v1/things/archive');
    expect(response.statusCode).toBe(405);
    expect(response.headers['allow']).toBe('POST');
    expect((await inject('DELETE', '/api/v1/things/1')).statusCode).not.toBe(405);
  });

  it('keeps 404 for an unknown path and for a route that did not find its resource', async () => {
    expect((await inject('PATCH', '/api/v1/nothing/here')).statusCode).toBe(404);
    const missing = await inject('GET', '/api/v1/things/2');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'THING_NOT_FOUND' });
  });
});
