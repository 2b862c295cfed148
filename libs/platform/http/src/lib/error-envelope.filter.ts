import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { RequestContext } from '@tall/platform/observability';
import { mapError } from './error-mapping';
import type { ErrorEnvelope } from './api-error';

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
