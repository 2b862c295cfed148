import { localDayKey, shiftDayKey, startOfLocalDay } from './local-day';
import { streakOf } from './streak';

describe('local days', () => {
  it('reads the calendar day in the zone, not in UTC', () => {
    expect(localDayKey(new Date('2026-06-30T22:30:00Z'), 'Europe/Amsterdam')).toBe('2026-07-01');
    expect(localDayKey(new Date('2026-06-30T21:30:00Z'), 'Europe/Amsterdam')).toBe('2026-06-30');
  });

  it('finds local midnight in winter and summer time', () => {
    expect(startOfLocalDay(new Date('2026-01-15T12:00:00Z'), 'Europe/Amsterdam').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfLocalDay(new Date('2026-07-15T12:00:00Z'), 'Europe/Amsterdam').toISOString()).toBe('2026-07-14T22:00:00.000Z');
    // Autumn change on 25 October 2026: the next day starts at 23:00 UTC again.
    expect(startOfLocalDay(new Date('2026-10-24T12:00:00Z'), 'Europe/Amsterdam', 2).toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('shifts day keys over month and year ends', () => {
    expect(shiftDayKey('2026-03-01', 1)).toBe('2026-02-28');
    expect(shiftDayKey('2025-12-31', -1)).toBe('2026-01-01');
  });
});

describe('streakOf', () => {
  it('counts days in a row ending today', () => {
    expect(streakOf(['2026-05-01', '2026-05-02', '2026-05-03'], '2026-05-03')).toBe(3);
  });

  it('keeps yesterday’s streak while today has no review yet', () => {
    expect(streakOf(['2026-05-01', '2026-05-02'], '2026-05-03')).toBe(2);
  });

  it('is broken by a day without reviews', () => {
    expect(streakOf(['2026-04-29', '2026-05-01', '2026-05-03'], '2026-05-03')).toBe(1);
    expect(streakOf(['2026-04-30'], '2026-05-03')).toBe(0);
    expect(streakOf([], '2026-05-03')).toBe(0);
  });
});
