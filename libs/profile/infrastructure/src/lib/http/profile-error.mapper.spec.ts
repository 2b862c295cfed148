import { ApiError, errors } from '@tall/platform/http';
import { ProfileError } from '@tall/profile/domain';
import { ProfileErrorMapper } from './profile-error.mapper';

const mapped = (error: ProfileError) => ProfileErrorMapper.toApiError(error) as ApiError;

describe('ProfileErrorMapper', () => {
  it('answers a lockout as 429 with Retry-After and the same body as any other 429', () => {
    const lockout = mapped(new ProfileError('ACCOUNT_LOCKED', 'Too many failed sign-ins: try again later', { retryAfterSeconds: 840 }));
    const reference = errors.tooManyRequests(840, 'ACCOUNT_LOCKED', 'Too many failed sign-ins: try again later');
    expect(lockout.getStatus()).toBe(429);
    expect(lockout.getResponse()).toEqual(reference.getResponse());
    expect(lockout.details).toEqual({ retryAfterSeconds: 840 });
    expect(lockout.headers).toEqual({ 'retry-after': '840' });
  });

  it('asks for a new sign-in when a refresh token is refused', () => {
    for (const code of ['REFRESH_TOKEN_INVALID', 'REFRESH_TOKEN_REUSED'] as const) {
      const refused = mapped(new ProfileError(code, 'no'));
      expect(refused.getStatus()).toBe(401);
      expect(refused.headers).toEqual({ 'www-authenticate': 'Bearer error="invalid_token"' });
    }
  });

  it('maps the other refusals to their status, with no details or headers', () => {
    const cases = { EMAIL_TAKEN: 409, CURRENT_PASSWORD_INCORRECT: 403, USER_DELETED: 410, LAST_TECH_ADMIN: 409, PERSONAL_DATA_UNAVAILABLE: 503 } as const;
    for (const [code, status] of Object.entries(cases)) {
      const refusal = mapped(new ProfileError(code as keyof typeof cases, 'no', { stray: true }));
      expect({ code: refusal.code, status: refusal.getStatus(), details: refusal.details, headers: refusal.headers }).toEqual({ code, status, details: undefined, headers: {} });
    }
  });

  it('leaves errors that are not profile refusals to the global filter', () => {
    const plain = new Error('boom');
    expect(ProfileErrorMapper.toApiError(plain)).toBe(plain);
  });
});
