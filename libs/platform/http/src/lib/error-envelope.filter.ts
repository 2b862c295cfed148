import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { RequestContext } from '@tall/platform/observability';
import { mapError } from './error-mapping';
import { ApiError, type ErrorEnvelope } from './api-error';

/** Every error leaves the API in one envelope; stack traces only ever reach the log. */
export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply, logger: Logger): FastifyReply {
  const mapped = mapError(error);
  const correlationId = RequestContext.current()?.correlationId ?? String(request.headers['x-correlation-id'] ?? request.id);
  if (mapped.unexpected) {
    logger.error({ err: error, route: request.routeOptions?.url, method: request.method }, 'unexpected error');
  } else if (mapped.statusCode >= 500) {
    logger.warn({ code: mapped.code, details: mapped.details, route: request.routeOptions?.url }, mapped.message);
  }
  const envelope: ErrorEnvelope = {
    statusCode: mapped.statusCode,
    code: mapped.code,
    message: mapped.message,
    ...(mapped.details === undefined ? {} : { details: mapped.details }),
    correlationId,
  };
  for (const [name, value] of Object.entries(mapped.headers ?? {})) void reply.header(name, value);
  return reply.status(mapped.statusCode).header('content-type', 'application/json; charset=utf-8').send(envelope);
}

@Catch()
export class ErrorEnvelopeFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendError(error, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), this.logger);
  }
}

/**
 * For Fastify's `frameworkErrors`: the router's own refusals, before any route runs (a path segment
 * that is not valid percent-encoding, or one longer than the router reads), in the error envelope
 * as the 400 a too-long or malformed path parameter gets anywhere else, instead of Fastify's bare
 * 400 and 414 bodies.
 */
export function frameworkErrorHandler(logger: Logger): (error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply) => void {
  return (error, request, reply) => {
    const malformedPath = error.code === 'FST_ERR_BAD_URL' || error.code === 'FST_ERR_MAX_PARAM_LENGTH';
    const mapped = malformedPath
      ? new ApiError(400, 'VALIDATION_FAILED', 'The request is invalid', {
          fields: [{ field: 'path', code: error.code === 'FST_ERR_BAD_URL' ? 'invalid_format' : 'too_big', message: error.code === 'FST_ERR_BAD_URL' ? 'The path is not valid percent-encoding' : 'A path segment is too long' }],
        })
      : error;
    sendError(mapped, request, reply, logger);
  };
}
