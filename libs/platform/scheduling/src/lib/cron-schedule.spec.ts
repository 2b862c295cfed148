import { cronProblem, nextOccurrence, previousOccurrence } from './cron-schedule';

describe('cron schedule helpers', () => {
  const weekly = '0 3 * * 1'; // Mondays 03:00

  it('finds the last Monday 03:00 in Amsterdam', () => {
    // Wednesday 25 Nov 2026 → Monday 23 Nov 03:00 CET = 02:00 UTC.
    expect(previousOccurrence(weekly, 'Europe/Amsterdam', new Date('2026-11-25T10:00:00Z'))).toEqual(
      new Date('2026-11-23T02:00:00Z'),
    );
    // In summer 03:00 CEST = 01:00 UTC.
    expect(previousOccurrence(weekly, 'Europe/Amsterdam', new Date('2026-07-01T10:00:00Z'))).toEqual(
      new Date('2026-06-29T01:00:00Z'),
    );
  });

  it('counts an occurrence exactly at now, and not one a moment later', () => {
    const monday3am = new Date('2026-11-23T02:00:00Z');
    expect(previousOccurrence(weekly, 'Europe/Amsterdam', monday3am)).toEqual(monday3am);
    expect(previousOccurrence(weekly, 'Europe/Amsterdam', new Date(monday3am.getTime() - 1))).toEqual(
      new Date('2026-11-16T02:00:00Z'),
    );
  });

  it('handles frequent and yearly schedules', () => {
    expect(previousOccurrence('*/5 * * * * *', 'UTC', new Date('2026-01-01T00:00:07.500Z'))).toEqual(
      new Date('2026-01-01T00:00:05Z'),
    );
    expect(previousOccurrence('0 0 1 1 *', 'UTC', new Date('2026-11-25T10:00:00Z'))).toEqual(new Date('2026-01-01T00:00:00Z'));
  });

  it('gives the next occurrence and validates expressions', () => {
    expect(nextOccurrence(weekly, 'Europe/Amsterdam', new Date('2026-11-25T10:00:00Z'))).toEqual(new Date('2026-11-30T02:00:00Z'));
    expect(cronProblem(weekly)).toBeUndefined();
    expect(cronProblem('not a cron')).toEqual(expect.any(String));
  });
});
