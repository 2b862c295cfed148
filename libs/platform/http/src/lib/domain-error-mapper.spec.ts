import { lastValueFrom, throwError, type Observable } from 'rxjs';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { DomainError } from '@tall/platform/errors';
import { ApiError } from './api-error';
import { domainErrorMapper } from './domain-error-mapper';

type ShelfCode = 'BOOK_NOT_FOUND' | 'SHELF_FULL' | 'TOO_FAST';
class ShelfError extends DomainError<ShelfCode> {}
class OtherError extends DomainError<'OTHER'> {}

const ShelfErrorMapper = domainErrorMapper(ShelfError, {
  statuses: { BOOK_NOT_FOUND: 404, SHELF_FULL: 409, TOO_FAST: 429 },
  headers: (error) => (error.code === 'SHELF_FULL' ? { 'x-shelf': 'full' } : undefined),
});

describe('domainErrorMapper', () => {
  it('maps each code of the context to its status, with the code and message kept', () => {
    const mapped = ShelfErrorMapper.toApiError(new ShelfError('BOOK_NOT_FOUND', 'No such book', { bookId: 'b1' })) as ApiError;
    expect(mapped).toBeInstanceOf(ApiError);
    expect(mapped.getStatus()).toBe(404);
    expect(mapped.code).toBe('BOOK_NOT_FOUND');
    expect(mapped.message).toBe('No such book');
    expect(mapped.details).toEqual({ bookId: 'b1' });
    expect((ShelfErrorMapper.toApiError(new ShelfError('SHELF_FULL', 'Full')) as ApiError).headers).toEqual({ 'x-shelf': 'full' });
  });

  it('adds Retry-After to a 429 that says when to try again', () => {
    const mapped = ShelfErrorMapper.toApiError(new ShelfError('TOO_FAST', 'Slow down', { retryAfterSeconds: 30 })) as ApiError;
    expect(mapped.getStatus()).toBe(429);
    expect(mapped.headers['retry-after']).toBe('30');
  });

  it("leaves other contexts' errors and plain errors to the global filter", () => {
    const other = new OtherError('OTHER', 'not ours');
    const plain = new Error('boom');
    expect(ShelfErrorMapper.toApiError(other)).toBe(other);
    expect(ShelfErrorMapper.toApiError(plain)).toBe(plain);
  });

  it('rethrows the mapped error from a controller as an interceptor', async () => {
    const next: CallHandler = { handle: () => throwError(() => new ShelfError('SHELF_FULL', 'Full')) };
    const interceptor = new ShelfErrorMapper();
    await expect(lastValueFrom(interceptor.intercept({} as ExecutionContext, next) as Observable<unknown>)).rejects.toMatchObject({ code: 'SHELF_FULL', status: 409 });
    expect(ShelfErrorMapper.name).toBe('ShelfErrorMapper');
  });
});
