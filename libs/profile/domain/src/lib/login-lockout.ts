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

/**
 * A password check counted against the lockout: a failure, or a check still running. A check is
 * counted from the moment it is reserved, before argon2 starts, so parallel guesses cannot all be
 * evaluated before the first of them is recorded.
 */
export interface PasswordCheckRecord {
  at: Date;
  /** Still running: it holds part of the budget, and counts as a failure once it is stale. */
  pending: boolean;
}

/** A check still running after this long was cut short (its instance died): it counts as a failure. */
export const PENDING_CHECK_STALE_MS = 30_000;

export type PasswordCheckDecision =
  | { kind: 'evaluate' }
  /** Running checks hold the rest of the budget: their outcome decides (a lock, or a success that forgives). */
  | { kind: 'wait' }
  | ({ kind: 'locked' } & Extract<LockoutState, { locked: true }>);

/** The failures among the records: settled ones, and running checks gone stale. */
export function settledFailures(records: readonly PasswordCheckRecord[], now: Date): Date[] {
  const staleBefore = now.getTime() - PENDING_CHECK_STALE_MS;
  return records.filter((record) => !record.pending || record.at.getTime() <= staleBefore).map((record) => record.at);
}

/**
 * Whether one more password may be checked at `now`. Failures and running checks together stay
 * within LOCKOUT_MAX_FAILURES per window, so a burst of any size gets at most that many
 * evaluations. Running checks count whatever their time says (another instance's clock may be a
 * little ahead); failures lock as `lockoutState` says.
 */
export function decidePasswordCheck(records: readonly PasswordCheckRecord[], now: Date): PasswordCheckDecision {
  const recent = records.filter((record) => record.at.getTime() > now.getTime() - LOCKOUT_WINDOW_MS);
  const lock = lockoutState(settledFailures(recent, now), now);
  if (lock.locked) return { kind: 'locked', ...lock };
  return recent.length < LOCKOUT_MAX_FAILURES ? { kind: 'evaluate' } : { kind: 'wait' };
}
