import { randomUUID } from 'node:crypto';
import { VersioningType } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { ZodValidationPipe } from 'nestjs-zod';
import type { Logger } from 'pino';
import { httpRequestDuration, RequestContext } from '@tall/platform/observability';
import { checkClientVersion, CLIENT_VERSION_POLICY, type ClientVersionPolicy } from './client-version';
import { AllowedMethods } from './allowed-methods';
import { ErrorEnvelopeFilter, sendError } from './error-envelope.filter';
import { findInvalidText } from './invalid-text';
import { ApiError } from './api-error';
import { registerSecurityHeaders, type SecurityHeadersOptions } from './security-headers';
import { registerCookies } from './cookies';
import { registerMultipart } from './multipart';

/** Routes outside `/api/v<n>`: operations endpoints and the docs. Calls between Tall processes have a port of their own (`INTERNAL_PORT`). */
export const UNVERSIONED_PATHS = ['health/live', 'health/ready', 'metrics'];

const CORRELATION_HEADER = 'x-correlation-id';
const CORRELATION_ID = /^[\w.:-]{1,128}$/;

/**
 * The conventions every controller of every module follows: `/api/v1` URI versioning,
 * correlation ids, the client version gate, validation that rejects unknown fields,
 * one error envelope (405 with `Allow` for a known path asked with another method), latency
 * metrics by route, and security headers on every response.
 */
export function configureHttp(app: NestFastifyApplication, logger: Logger, options: SecurityHeadersOptions = {}): void {
  app.setGlobalPrefix('api', { exclude: UNVERSIONED_PATHS });
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(new ZodValidationPipe());
  const policy = app.get<ClientVersionPolicy>(CLIENT_VERSION_POLICY);
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  // Every route the app registers from here on (Nest's at init, the web client's): for 405 + Allow.
  const allowed = new AllowedMethods();
  fastify.addHook('onRoute', (route) => allowed.add(route.method, route.url));
  app.useGlobalFilters(new ErrorEnvelopeFilter(logger));

  // First, so the answers the hooks below send themselves (400, 426) carry the headers too.
  registerSecurityHeaders(fastify, options);
  registerCookies(fastify);
  registerMultipart(fastify);

  fastify.addHook('onRequest', (request, reply, done) => {
    const incoming = request.headers[CORRELATION_HEADER];
    const correlationId = typeof incoming === 'string' && CORRELATION_ID.test(incoming) ? incoming : randomUUID();
    void reply.header(CORRELATION_HEADER, correlationId);
    RequestContext.run({ correlationId }, () => {
      // Before the body is read: a method the path does not answer is refused whatever it carries.
      const allow = allowed.refusing(request.method, request.url);
      if (allow) {
        const message = `${request.method} is not allowed here; this path answers ${allow.join(', ')}`;
        return void sendError(new ApiError(405, 'METHOD_NOT_ALLOWED', message, { allowed: allow }, { allow: allow.join(', ') }), request, reply, logger);
      }
      const verdict = checkClientVersion(request.headers['x-client-platform'], request.headers['x-client-version'], policy);
      if (verdict.ok) return done();
      const error =
        verdict.status === 426
          ? new ApiError(426, verdict.code, verdict.message, { minVersion: verdict.minVersion, platform: verdict.platform })
          : new ApiError(400, verdict.code, verdict.message);
      sendError(error, request, reply, logger);
    });
  });

  fastify.addHook('preValidation', (request, reply, done) => {
    const field =
      findInvalidText(request.params, 'path') ?? findInvalidText(request.query, 'query') ?? findInvalidText(request.body, 'body');
    if (!field) return done();
    sendError(
      new ApiError(400, 'VALIDATION_FAILED', 'The request is invalid', {
        fields: [{ field, code: 'invalid_text', message: 'Text must not contain NUL characters or unpaired surrogates' }],
      }),
      request,
      reply,
      logger,
    );
  });

  const latency = httpRequestDuration();
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    latency.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    if (reply.statusCode >= 500) logger.warn({ method: request.method, route, status: reply.statusCode }, 'request failed');
    done();
  });
  // Errors raised before Nest sees the request (body parsing, limits) reach the same filter through
  // Nest's own Fastify error handler, so no second handler is set here.
}
