import { addDays, dayOf, daysBetween, daysEndingWith, isoWeekOf, isoWeekOfDay } from './calendar';

const AMS = 'Europe/Amsterdam';

describe('calendar of the school', () => {
  it('puts an instant on its Amsterdam day, across midnight and daylight saving', () => {
    expect(dayOf(new Date('2026-03-28T22:59:59Z'), AMS)).toBe('2026-03-28'); // 23:59:59 CET
    expect(dayOf(new Date('2026-03-28T23:00:00Z'), AMS)).toBe('2026-03-29'); // 00:00 CET
    expect(dayOf(new Date('2026-07-01T21:59:00Z'), AMS)).toBe('2026-07-01'); // 23:59 CEST
    expect(dayOf(new Date('2026-07-01T22:00:00Z'), AMS)).toBe('2026-07-02');
    expect(dayOf(new Date('2026-07-01T22:00:00Z'), 'UTC')).toBe('2026-07-01');
  });

  it('counts and moves calendar days, over month and year ends and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-03-30', '2026-03-28')).toBe(-2);
    expect(daysEndingWith('2026-01-02', 3)).toEqual(['2025-12-31', '2026-01-01', '2026-01-02']);
    expect(() => addDays('yesterday', 1)).toThrow(/Not a day/);
  });

  it('names ISO weeks as vocabulary does (week-year around New Year, Amsterdam Monday)', () => {
    expect(isoWeekOfDay('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOfDay('2026-01-01')).toBe('2026-W01');
    expect(isoWeekOfDay('2024-12-30')).toBe('2025-W01');
    expect(isoWeekOf(new Date('2026-06-28T22:30:00Z'), AMS)).toBe('2026-W27'); // Monday 00:30 in Amsterdam
    expect(isoWeekOf(new Date('2026-06-28T21:30:00Z'), AMS)).toBe('2026-W26');
  });
});
