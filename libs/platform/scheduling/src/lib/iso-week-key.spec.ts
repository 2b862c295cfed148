import { dayKey, isoWeekKey } from './iso-week-key';

// Expected values checked against the ISO calendar (GNU date +%G-W%V).
describe('isoWeekKey', () => {
  const amsterdamNoon = (isoDate: string) => new Date(`${isoDate}T11:00:00Z`);

  it.each([
    ['2026-11-23', '2026-W48'], // Monday
    ['2026-11-29', '2026-W48'], // Sunday of the same week
    ['2026-12-28', '2026-W53'], // 2026 starts on a Thursday: it has 53 weeks
    ['2027-01-01', '2026-W53'], // Friday: still the old week-year
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2026-01-01', '2026-W01'], // Thursday: week 1 of its own year
    ['2025-12-29', '2026-W01'], // Monday in December, already next week-year
    ['2024-12-30', '2025-W01'],
    ['2020-12-31', '2020-W53'],
    ['2021-01-03', '2020-W53'],
    ['2021-01-04', '2021-W01'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeekKey(amsterdamNoon(date), 'Europe/Amsterdam')).toBe(week);
  });

  it('takes the date in Amsterdam, not in UTC', () => {
    // Sunday 27 Dec 23:30 UTC is Monday 28 Dec 00:30 in Amsterdam (CET, UTC+1).
    const instant = new Date('2026-12-27T23:30:00Z');
    expect(isoWeekKey(instant, 'UTC')).toBe('2026-W52');
    expect(isoWeekKey(instant, 'Europe/Amsterdam')).toBe('2026-W53');
    expect(isoWeekKey(instant)).toBe('2026-W53');
  });

  it('handles summer time (UTC+2)', () => {
    // Sunday 2026-06-28 22:30 UTC is Monday 00:30 in Amsterdam.
    expect(isoWeekKey(new Date('2026-06-28T22:30:00Z'), 'Europe/Amsterdam')).toBe('2026-W27');
    expect(isoWeekKey(new Date('2026-06-28T21:30:00Z'), 'Europe/Amsterdam')).toBe('2026-W26');
  });
});

describe('dayKey', () => {
  it('is the zero-padded local date in the time zone', () => {
    expect(dayKey(new Date('2026-03-04T12:00:00Z'))).toBe('2026-03-04');
    // 23:30 UTC on 31 December is already New Year's Day in Amsterdam.
    expect(dayKey(new Date('2026-12-31T23:30:00Z'), 'Europe/Amsterdam')).toBe('2027-01-01');
    expect(dayKey(new Date('2026-12-31T23:30:00Z'), 'UTC')).toBe('2026-12-31');
  });
});
