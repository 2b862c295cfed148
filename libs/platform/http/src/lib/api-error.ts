import { HttpException } from '@nestjs/common';

export interface ErrorEnvelope {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  correlationId: string;
}

/** An error a controller means to send: the status, a stable machine code and a human message. */
export class ApiError extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super({ code, message, details }, status);
  }
}

export const errors = {
  badRequest: (code: string, message: string, details?: unknown) => new ApiError(400, code, message, details),
  unauthorized: (message = 'Authentication is required', code = 'UNAUTHENTICATED') => new ApiError(401, code, message),
  forbidden: (message = 'You may not do this', code = 'FORBIDDEN') => new ApiError(403, code, message),
  notFound: (what = 'Resource', code = 'NOT_FOUND') => new ApiError(404, code, `${what} not found`),
  conflict: (code: string, message: string, details?: unknown) => new ApiError(409, code, message, details),
  gone: (code: string, message: string) => new ApiError(410, code, message),
  unprocessable: (code: string, message: string, details?: unknown) => new ApiError(422, code, message, details),
  tooManyRequests: (retryAfterSeconds: number, code = 'TOO_MANY_REQUESTS', message = 'Too many requests') =>
    new ApiError(429, code, message, { retryAfterSeconds }, { 'retry-after': String(retryAfterSeconds) }),
  unavailable: (dependency: string) =>
    new ApiError(503, 'SERVICE_UNAVAILABLE', `A service Tall depends on is unavailable: ${dependency}`, { dependency }),
};
