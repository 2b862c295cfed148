import { decideManualRotation, MANUAL_ROTATION_WAIT_MS, scheduledRotationDue } from './rotation-policy';

const at = (iso: string) => new Date(iso);

describe('master key rotation policy', () => {
  it('refuses a manual rotation within an hour of the last one, and says from when it is allowed', () => {
    const last = at('2026-05-13T10:00:00Z');
    expect(decideManualRotation(last, at('2026-05-13T10:59:59Z'), false)).toEqual({ allowed: false, nextAllowedAt: at('2026-05-13T11:00:00Z') });
    expect(decideManualRotation(last, at('2026-05-13T11:00:00Z'), false)).toEqual({ allowed: true });
    expect(MANUAL_ROTATION_WAIT_MS).toBe(3_600_000);
  });

  it('allows a forced rotation at once, and the first rotation ever', () => {
    expect(decideManualRotation(at('2026-05-13T10:00:00Z'), at('2026-05-13T10:00:01Z'), true)).toEqual({ allowed: true });
    expect(decideManualRotation(undefined, at('2026-05-13T10:00:00Z'), false)).toEqual({ allowed: true });
  });

  it('makes the scheduled rotation due 90 days after the newest key material, not before', () => {
    const since = at('2026-01-01T00:00:00Z');
    expect(scheduledRotationDue(since, at('2026-03-31T23:59:59Z'))).toBe(false);
    expect(scheduledRotationDue(since, at('2026-04-01T00:00:00Z'))).toBe(true);
    expect(scheduledRotationDue(undefined, at('2030-01-01T00:00:00Z'))).toBe(false);
  });
});
