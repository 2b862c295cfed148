import { lockedByLatestFailure, lockoutState, LOCKOUT_WINDOW_MS } from './login-lockout';

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
});
