import { isNotFoundError, isUnreachableError } from './aws-error-kind';

describe('AWS error classification', () => {
  it('treats socket errors, timeouts and 5xx as unreachable', () => {
    expect(isUnreachableError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isUnreachableError(new Error('AWS SDK error wrapper for Error: connect ECONNREFUSED 127.0.0.1:9'))).toBe(true);
    expect(isUnreachableError(Object.assign(new Error('t'), { name: 'TimeoutError' }))).toBe(true);
    expect(isUnreachableError(Object.assign(new Error('x'), { $metadata: { httpStatusCode: 503 } }))).toBe(true);
    expect(isUnreachableError(new Error('outer', { cause: Object.assign(new Error('inner'), { code: 'ENOTFOUND' }) }))).toBe(true);
  });

  it('does not treat answers of the service as unreachable', () => {
    expect(isUnreachableError(Object.assign(new Error('x'), { name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } }))).toBe(false);
    expect(isUnreachableError(Object.assign(new Error('ECONNREFUSED in a message'), { $metadata: { httpStatusCode: 400 } }))).toBe(false);
    expect(isUnreachableError('ECONNREFUSED')).toBe(false);
  });

  it('recognises not-found by status or name', () => {
    expect(isNotFoundError(Object.assign(new Error('x'), { $metadata: { httpStatusCode: 404 } }))).toBe(true);
    expect(isNotFoundError(Object.assign(new Error('x'), { name: 'NoSuchKey' }), 'NoSuchKey')).toBe(true);
    expect(isNotFoundError(Object.assign(new Error('x'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }))).toBe(false);
  });
});
