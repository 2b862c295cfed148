import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor, type Type } from '@nestjs/common';
import { catchError, type Observable } from 'rxjs';
import type { DomainError } from '@tall/platform/errors';
import { ApiError } from './api-error';

/** How one context's refusals reach HTTP: a status for every code, and optional extras. */
export interface DomainErrorMapping<E extends DomainError> {
  /** Every code of the context's union needs a status: a new code without one fails the type check. */
  statuses: { readonly [C in E['code']]: number };
  /** Response headers for a refusal, e.g. `Retry-After` or `WWW-Authenticate`. */
  headers?: (error: E) => Record<string, string> | undefined;
  /** What goes into the envelope's `details` (default: the error's own details). */
  details?: (error: E) => unknown;
}

/** A context's error mapper: an interceptor for its controllers, and `toApiError` for batch items. */
export interface DomainErrorMapperType extends Type<NestInterceptor> {
  toApiError(error: unknown): unknown;
}

/**
 * The one convention by which use-case refusals become the error envelope. A context declares
 * its mapper once in infrastructure (`export const ProfileErrorMapper = domainErrorMapper(ProfileError, {...})`)
 * and puts it on its controllers with `@UseInterceptors(ProfileErrorMapper)`. Errors of other
 * kinds pass through untouched to the global envelope filter.
 */
export function domainErrorMapper<E extends DomainError>(
  errorType: abstract new (...args: never[]) => E,
  mapping: DomainErrorMapping<E>,
): DomainErrorMapperType {
  const toApiError = (error: unknown): unknown => {
    if (!(error instanceof errorType)) return error;
    const status = (mapping.statuses as Record<string, number>)[error.code] ?? 500;
    const headers = { ...(mapping.headers?.(error) ?? {}) };
    const retryAfter = error.details?.retryAfterSeconds;
    if (status === 429 && retryAfter !== undefined && !headers['retry-after']) headers['retry-after'] = String(retryAfter);
    const details = mapping.details ? mapping.details(error) : error.details;
    return new ApiError(status, error.code, error.message, details, headers);
  };

  @Injectable()
  class DomainErrorInterceptor implements NestInterceptor {
    static toApiError = toApiError;

    intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
      return next.handle().pipe(
        catchError((error: unknown) => {
          throw toApiError(error);
        }),
      );
    }
  }
  Object.defineProperty(DomainErrorInterceptor, 'name', { value: `${errorType.name}Mapper` });
  return DomainErrorInterceptor;
}
