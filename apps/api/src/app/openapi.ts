import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { CLIENT_HEADER_PARAMETERS, documentHttpConventions, PAGE_CONTENT_SECURITY_POLICY } from '@tall/platform/http';
import { REFRESH_TOKEN_COOKIE, REFRESH_TOKEN_COOKIE_SCHEME } from '@tall/profile/contracts';

/** The docs' UI page and its files (not `/api/docs-json`, which is data). */
const DOCS_UI = /^\/api\/docs(\/|$)/;

/**
 * The OpenAPI 3 document of the app's routes. Needs only the module graph and the routing
 * (prefix, versioning), not running providers: the web client's type generator builds it from an
 * app created in Nest's preview mode.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Tall API')
    .setDescription('The API of Tall, the learning platform of an accelerated Dutch-as-a-second-language programme.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    // The web client's refresh token (profile's refresh and logout), HttpOnly: the browser sends it.
    .addCookieAuth(REFRESH_TOKEN_COOKIE, { type: 'apiKey', description: 'The refresh token of the web client, set by sign-in and refresh' }, REFRESH_TOKEN_COOKIE_SCHEME)
    .addGlobalParameters(...(CLIENT_HEADER_PARAMETERS as Parameters<DocumentBuilder['addGlobalParameters']>))
    .build();
  return documentHttpConventions(cleanupOpenApiDoc(SwaggerModule.createDocument(app, config)));
}

/**
 * OpenAPI 3 at /api/docs (UI) and /api/docs-json: the source of the web client's API types. The
 * UI is a page, so it gets the pages' security policy instead of the API's, which would block it.
 */
export function setupOpenApi(app: NestFastifyApplication): void {
  SwaggerModule.setup('api/docs', app, createOpenApiDocument(app), {
    useGlobalPrefix: false,
    jsonDocumentUrl: 'api/docs-json',
  });
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  fastify.addHook('onRequest', (request, reply, done) => {
    if (DOCS_UI.test(request.url.split('?')[0])) void reply.header('content-security-policy', PAGE_CONTENT_SECURITY_POLICY);
    done();
  });
}
