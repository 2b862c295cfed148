import type { DataSource } from 'typeorm';

/** Expired sessions are kept this long after expiry (shown in the GDPR export), then removed with their tokens. */
export const SESSION_RETENTION_AFTER_EXPIRY_DAYS = 30;

/**
 * Daily: forgets sign-in failures older than a day (the lockout looks back 15 minutes), refresh
 * tokens a day past their expiry, and sessions expired or ended more than 30 days ago.
 */
export async function runProfileHousekeeping(dataSource: DataSource, now = new Date()): Promise<Record<string, number>> {
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const retention = new Date(now.getTime() - SESSION_RETENTION_AFTER_EXPIRY_DAYS * 24 * 60 * 60 * 1000);
  const count = (result: unknown) => (Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0);
  const failures = await dataSource.query('DELETE FROM profile.login_failures WHERE failed_at < $1', [dayAgo]);
  const tokens = await dataSource.query(
    // Spent tokens stay until they would have expired: presenting one until then still counts as reuse.
    'DELETE FROM profile.refresh_tokens WHERE expires_at < $1',
    [dayAgo],
  );
  const sessions = await dataSource.query(
    'DELETE FROM profile.sessions WHERE expires_at < $1 OR (revoked_at IS NOT NULL AND revoked_at < $1)',
    [retention],
  );
  return { loginFailures: count(failures), refreshTokens: count(tokens), sessions: count(sessions) };
}
