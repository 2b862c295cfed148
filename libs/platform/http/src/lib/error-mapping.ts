import { HttpException } from '@nestjs/common';
import { ZodValidationException } from 'nestjs-zod';
import type { ZodError } from 'zod';
import { ApiError } from './api-error';

export interface MappedError {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  headers?: Record<string, string>;
  /** Unexpected: logged with its stack, answered with a generic message. */
  unexpected?: boolean;
}

const STATUS_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  410: 'GONE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_ENTITY',
  426: 'CLIENT_UPGRADE_REQUIRED',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** Fastify's own errors (body parsing, limits) carry a code and a statusCode. */
const FASTIFY_ERRORS: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported content type' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'MALFORMED_JSON', message: 'The JSON body is empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'MALFORMED_JSON', message: 'The body is not valid JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'BAD_REQUEST', message: 'Content-Length does not match the body' },
  FST_ERR_BAD_URL: { code: 'BAD_REQUEST', message: 'The URL is malformed' },
  FST_ERR_ASYNC_CONSTRAINT: { code: 'BAD_REQUEST', message: 'The request could not be routed' },
};

/**
 * Server errors of a MongoDB that cannot serve right now: shutting down, stepping down, no
 * primary, a network error between its members (the codes the drivers retry on).
 */
const MONGO_UNAVAILABLE_CODES = new Set([6, 7, 89, 91, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436]);
/**
 * FerretDB (the local stack's MongoDB-wire server) answers InternalError (1) with its backend's
 * message when it cannot reach PostgreSQL, or PostgreSQL is restarting.
 */
const MONGO_BACKEND_DOWN = /failed to connect to|SQLSTATE (08|57P0)|connection refused|conn closed|unexpected EOF|the database system is (shutting down|starting up)/i;

function mongoUnavailable(e: ErrorLike): boolean {
  if (/^Mongo(ServerSelection|Network|NotConnected|Topology)/.test(e.name ?? '')) return true;
  if (e.name !== 'MongoServerError' && e.name !== 'MongoBulkWriteError' && e.name !== 'MongoWriteConcernError') return false;
  const code = Number(e.code);
  if (MONGO_UNAVAILABLE_CODES.has(code)) return true;
  if (typeof e.hasErrorLabel === 'function' && (e.hasErrorLabel('RetryableWriteError') || e.hasErrorLabel('ResetPool'))) return true;
  return code === 1 && MONGO_BACKEND_DOWN.test(e.message ?? '');
}

const DEPENDENCY_ERRORS = [
  { test: mongoUnavailable, dependency: 'mongodb' },
  { test: (e: ErrorLike) => /^KafkaJS(Connection|NumberOfRetriesExceeded|BrokerNotFound)/.test(e.name ?? ''), dependency: 'kafka' },
  {
    test: (e: ErrorLike) =>
      /^(08|57P0)/.test(String(e.code ?? '')) ||
      /timeout exceeded when trying to connect|Connection terminated/i.test(e.message ?? '') ||
      (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT'].includes(String(e.code ?? '')) && /543|postgres/i.test(e.message ?? '')),
    dependency: 'postgres',
  },
  { test: (e: ErrorLike) => ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH'].includes(String(e.code ?? '')), dependency: 'a backing service' },
];

interface ErrorLike {
  name?: string;
  code?: unknown;
  message?: string;
  statusCode?: number;
  hasErrorLabel?: (label: string) => boolean;
}

export function mapError(error: unknown): MappedError {
  if (error instanceof ApiError) {
    return { statusCode: error.getStatus(), code: error.code, message: error.message, details: error.details, headers: error.headers };
  }
  if (error instanceof ZodValidationException) {
    return {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'The request is invalid',
      details: { fields: fieldErrors(error.getZodError() as ZodError) },
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? error.message);
    const text = Array.isArray(message) ? message.join('; ') : String(message);
    // Nest turns Fastify's body-parsing errors into plain HttpExceptions; recognise malformed JSON by its message.
    if (status === 400 && /JSON/.test(text)) return { statusCode: 400, code: 'MALFORMED_JSON', message: 'The body is not valid JSON' };
    if (status === 413) return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' };
    return { statusCode: status, code: STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST'), message: text };
  }
  const like = (error ?? {}) as ErrorLike;
  const fastify = typeof like.code === 'string' ? FASTIFY_ERRORS[like.code] : undefined;
  if (fastify) return { statusCode: like.statusCode ?? 400, ...fastify };
  if (typeof like.statusCode === 'number' && like.statusCode >= 400 && like.statusCode < 500) {
    return { statusCode: like.statusCode, code: STATUS_CODES[like.statusCode] ?? 'BAD_REQUEST', message: like.message ?? 'Bad request' };
  }
  const dependency = DEPENDENCY_ERRORS.find((candidate) => candidate.test(like));
  if (dependency) {
    return {
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: `A service Tall depends on is unavailable: ${dependency.dependency}`,
      details: { dependency: dependency.dependency },
      headers: { 'retry-after': '5' },
    };
  }
  return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Something went wrong on our side', unexpected: true };
}

function unknownKeys(issues: readonly Issue[]): number {
  return issues.reduce((sum, issue) => sum + (issue.code === 'unrecognized_keys' ? issue.keys.length : 0), 0);
}

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export function fieldErrors(error: ZodError): FieldError[] {
  return issueErrors(error.issues);
}

type Issue = ZodError['issues'][number];

function issueErrors(issues: readonly Issue[]): FieldError[] {
  return issues.flatMap((issue) => {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // A body that fits none of the shapes it may take (`oneOf`): report what is wrong with the
      // shape it comes closest to, the one whose fields it uses, so the client learns which of its
      // fields to mend rather than only that nothing fitted.
      const closest = [...issue.errors].sort((a, b) => unknownKeys(a) - unknownKeys(b) || a.length - b.length)[0];
      return issueErrors(closest.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as Issue));
    }
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: base ? `${base}.${key}` : key,
        code: 'unknown_field',
        message: 'Unknown field',
      }));
    }
    return [{ field: base || '(body)', code: issue.code, message: issue.message }];
  });
}
