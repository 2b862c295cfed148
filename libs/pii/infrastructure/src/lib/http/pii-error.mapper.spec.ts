import { ApiError, mapError } from '@tall/platform/http';
import { PiiError, PiiIntegrityError, type PiiErrorCode } from '@tall/pii/domain';
import { PiiErrorMapper } from './pii-error.mapper';

const answer = (error: unknown) => mapError(PiiErrorMapper.toApiError(error));

describe('PiiErrorMapper', () => {
  it.each<[PiiErrorCode, number, string]>([
    ['PII_NOT_FOUND', 404, 'No personal data is held for this user'],
    ['PII_ERASED', 410, "This user's personal data was erased"],
    ['EMAIL_TAKEN', 409, 'An account with this email exists'],
    ['FORBIDDEN', 403, 'You may not read this personal data'],
    ['KEY_ROTATION_IN_PROGRESS', 409, 'A master key rotation is running right now'],
    ['EXPORT_INCOMPLETE', 500, 'The export could not be completed; nothing was left out silently'],
  ])('answers %s with %i and the message clients know', (code, statusCode, message) => {
    expect(answer(new PiiError(code))).toEqual({ statusCode, code, message, details: undefined, headers: {} });
  });

  it('answers an integrity failure without saying what failed or how', () => {
    expect(answer(new PiiIntegrityError('tampered', 'lastName'))).toEqual({
      statusCode: 500,
      code: 'PII_INTEGRITY_FAILURE',
      message: 'Stored personal data failed its integrity check and was not returned',
      details: undefined,
      headers: {},
    });
  });

  it('answers unreachable keys as the platform answers an unavailable dependency', () => {
    expect(answer(new PiiError('SERVICE_UNAVAILABLE', { dependency: 'secrets' }))).toEqual({
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: 'A service Tall depends on is unavailable: secrets',
      details: { dependency: 'secrets' },
      headers: {},
    });
  });

  it('answers a rotation too soon with 409, when it is allowed again, and Retry-After', () => {
    const details = { lastRotationAt: '2026-05-13T10:00:00.000Z', nextAllowedAt: '2026-05-13T11:00:00.000Z', retryAfterSeconds: 1800 };
    expect(answer(new PiiError('ROTATION_TOO_SOON', details))).toEqual({
      statusCode: 409,
      code: 'ROTATION_TOO_SOON',
      message: 'The master key was rotated less than an hour ago: rotate again after nextAllowedAt, or with force: true',
      details,
      headers: { 'retry-after': '1800' },
    });
  });

  it('leaves every other error to the global filter', () => {
    const other = new ApiError(404, 'RPC_UNKNOWN_CALL', 'no such call');
    expect(PiiErrorMapper.toApiError(other)).toBe(other);
  });
});
