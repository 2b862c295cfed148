import { decidePasswordCheck, lockedByLatestFailure, lockoutState, LOCKOUT_WINDOW_MS, PENDING_CHECK_STALE_MS, settledFailures } from './login-lockout';

const now = new Date('2026-03-02T10:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const minutes = (count: number) => count * 60_000;

describe('login lockout', () => {
  it('stays open below five failures in the window', () => {
    expect(lockoutState([ago(minutes(1)), ago(minutes(2)), ago(minutes(3)), ago(minutes(4))], now)).toEqual({ locked: false });
  });

  it('locks at five failures until the fifth most recent leaves the 15-minute window', () => {
    const failures = [ago(minutes(10)), ago(minutes(8)), ago(minutes(6)), ago(minutes(4)), ago(minutes(2))];
    const state = lockoutState(failures, now);
    expect(state).toEqual({ locked: true, lockedUntil: new Date(ago(minutes(10)).getTime() + LOCKOUT_WINDOW_MS), retryAfterSeconds: 5 * 60 });
  });

  it('ignores failures older than the window', () => {
    const failures = [ago(minutes(20)), ago(minutes(16)), ago(minutes(6)), ago(minutes(4)), ago(minutes(2))];
    expect(lockoutState(failures, now).locked).toBe(false);
  });

  it('never asks to wait less than a second', () => {
    const failures = Array.from({ length: 5 }, () => ago(LOCKOUT_WINDOW_MS - 10));
    expect(lockoutState(failures, now)).toMatchObject({ locked: true, retryAfterSeconds: 1 });
  });

  it('says which failure locked the account: the fifth, not the sixth', () => {
    const four = [ago(minutes(4)), ago(minutes(3)), ago(minutes(2)), ago(minutes(1))];
    expect(lockedByLatestFailure([...four, now], now).locked).toBe(true);
    expect(lockedByLatestFailure([ago(minutes(5)), ...four, now], now).locked).toBe(false);
    expect(lockedByLatestFailure([ago(minutes(2)), now], now).locked).toBe(false);
  });

  describe('reserving a password check', () => {
    const failed = (at: Date) => ({ at, pending: false });
    const running = (at: Date) => ({ at, pending: true });

    it('lets a check run while failures and running checks stay below five', () => {
      expect(decidePasswordCheck([failed(ago(minutes(3))), failed(ago(minutes(2))), running(ago(100)), running(ago(50))], now)).toEqual({ kind: 'evaluate' });
    });

    it('makes the sixth wait while running checks hold the budget: their outcome decides', () => {
      const records = [failed(ago(minutes(3))), running(ago(400)), running(ago(300)), running(ago(200)), running(ago(100))];
      expect(decidePasswordCheck(records, now)).toEqual({ kind: 'wait' });
    });

    it('counts running checks from an instance whose clock is ahead', () => {
      const ahead = new Date(now.getTime() + 50);
      expect(decidePasswordCheck([failed(ago(minutes(1))), running(ahead), running(ahead), running(ahead), running(ahead)], now)).toEqual({ kind: 'wait' });
    });

    it('refuses once five failures are settled, saying when to try again', () => {
      const records = [ago(minutes(5)), ago(minutes(4)), ago(minutes(3)), ago(minutes(2)), ago(minutes(1))].map(failed);
      expect(decidePasswordCheck([...records, running(ago(10))], now)).toEqual({
        kind: 'locked',
        locked: true,
        lockedUntil: new Date(ago(minutes(5)).getTime() + LOCKOUT_WINDOW_MS),
        retryAfterSeconds: 10 * 60,
      });
    });

    it('takes a check running for too long as a failure (its instance died)', () => {
      const stale = running(ago(PENDING_CHECK_STALE_MS + 1));
      expect(settledFailures([stale, running(ago(10)), failed(ago(minutes(1)))], now)).toEqual([stale.at, ago(minutes(1))]);
      const records = [stale, ...[ago(minutes(4)), ago(minutes(3)), ago(minutes(2)), ago(minutes(1))].map(failed)];
      expect(decidePasswordCheck(records, now)).toMatchObject({ kind: 'locked' });
    });

    it('forgets checks older than the window', () => {
      const records = [ago(minutes(20)), ago(minutes(16)), ago(minutes(3)), ago(minutes(2)), ago(minutes(1))].map(failed);
      expect(decidePasswordCheck(records, now)).toEqual({ kind: 'evaluate' });
    });
  });
});
