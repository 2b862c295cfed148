import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { RequestContext } from '@tall/platform/observability';
import { mapError, type MappedError } from './error-mapping';
import type { ErrorEnvelope } from './api-error';
import type { AllowedMethods } from './allowed-methods';

/** Every error leaves the API in one envelope; stack traces only ever reach the log. */
export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply, logger: Logger, allowed?: AllowedMethods): FastifyReply {
  const mapped = methodNotAllowed(mapError(error), request, allowed);
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

/**
 * A 404 for a path whose routes answer other methods (and not this one) is a 405 with `Allow`.
 * A 404 a route's handler answered (an unknown id) is left alone: that route answers this method.
 */
function methodNotAllowed(mapped: MappedError, request: FastifyRequest, allowed?: AllowedMethods): MappedError {
  if (mapped.statusCode !== 404 || !allowed) return mapped;
  const methods = allowed.of(request.url);
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  if (methods.length === 0 || methods.includes(method)) return mapped;
  return {
    statusCode: 405,
    code: 'METHOD_NOT_ALLOWED',
    message: `${request.method} is not allowed here; this path answers ${methods.join(', ')}`,
    details: { allowed: methods },
    headers: { allow: methods.join(', ') },
  };
}

@Catch()
export class ErrorEnvelopeFilter implements ExceptionFilter {
  constructor(
    private readonly logger: Logger,
    private readonly allowed?: AllowedMethods,
  ) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendError(error, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), this.logger, this.allowed);
  }
}
