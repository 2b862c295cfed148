import { Body, Controller, Param, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { httpTestApp } from '../test-support/http-test-app';
import { findInvalidText } from './invalid-text';

describe('findInvalidText', () => {
  it('finds NUL and unpaired surrogates in strings and keys, with their path', () => {
    expect(findInvalidText({ a: ['ok', 'bad\u0000'] }, 'body')).toBe('body.a.1');
    expect(findInvalidText({ id: '\udb91x' }, 'path')).toBe('path.id');
    expect(findInvalidText({ id: 'x\udea6' }, 'path')).toBe('path.id');
    expect(findInvalidText({ ['k\u0000']: 1 }, 'body')).toBe('body.k\u0000');
  });

  it('lets real text through, emoji (paired surrogates) and accents included', () => {
    expect(findInvalidText({ answer: 'de fiets 🚲, café, ĳs', n: 3, list: [null, true] }, 'body')).toBeNull();
  });
});

@Controller('things')
class ThingsController {
  @Post(':id')
  create(@Param('id') id: string, @Body() body: unknown) {
    return { id, body };
  }
}


describe('requests with invalid text', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await httpTestApp([ThingsController]);
  });

  afterAll(() => app.close());

  const post = (url: string, payload: string) => app.getHttpAdapter().getInstance().inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json' } });

  it('answers 400 VALIDATION_FAILED naming the field, for the body and the path', async () => {
    const body = await post('/api/v1/things/1', '{"userWordId": "\\udb91\\udea6\\u00a6d\\u0000*"}');
    expect(body.statusCode).toBe(400);
    expect(body.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'body.userWordId', code: 'invalid_text' }] } });
    const path = await post('/api/v1/things/a%00b', '{}');
    expect(path.statusCode).toBe(400);
    expect(path.json()).toMatchObject({ details: { fields: [{ field: 'path.id' }] } });
  });

  it('passes ordinary requests', async () => {
    expect((await post('/api/v1/things/1', '{"answer": "de fiets 🚲"}')).statusCode).toBe(201);
  });
});
