/** After this many failed sign-ins within the window, the account refuses sign-ins (429) until the window passes. */
export const LOCKOUT_MAX_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

export type LockoutState = { locked: false } | { locked: true; lockedUntil: Date; retryAfterSeconds: number };

/**
 * Whether recent failures lock the account at `now`. The lock lasts until the fifth most recent
 * failure leaves the window: failures are not recorded while locked, so waiting it out always works.
 */
export function lockoutState(failures: readonly Date[], now: Date): LockoutState {
  const windowStart = now.getTime() - LOCKOUT_WINDOW_MS;
  const recent = failures
    .map((failure) => failure.getTime())
    .filter((time) => time > windowStart && time <= now.getTime())
    .sort((a, b) => a - b);
  if (recent.length < LOCKOUT_MAX_FAILURES) return { locked: false };
  const lockedUntil = new Date(recent[recent.length - LOCKOUT_MAX_FAILURES] + LOCKOUT_WINDOW_MS);
  return { locked: true, lockedUntil, retryAfterSeconds: Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000)) };
}

/** Whether the failure just recorded (the last of `failures`) is the one that locks the account. */
export function lockedByLatestFailure(failures: readonly Date[], now: Date): LockoutState {
  const state = lockoutState(failures, now);
  const recent = failures.filter((failure) => failure.getTime() > now.getTime() - LOCKOUT_WINDOW_MS);
  return state.locked && recent.length === LOCKOUT_MAX_FAILURES ? state : { locked: false };
}
