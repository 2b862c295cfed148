import {
  addDays,
  addWeeks,
  compareWeeks,
  dayOf,
  daysBetween,
  daysEndingWith,
  isIsoWeek,
  isoWeekMonday,
  isoWeekOf,
  isoWeekOfDay,
  startOfLocalDay,
  weeksBetween,
} from './calendar';

const AMS = 'Europe/Amsterdam';

// Expected weeks checked against the ISO calendar (GNU date +%G-W%V).
describe('ISO weeks of instants', () => {
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
    expect(isoWeekOf(amsterdamNoon(date), AMS)).toBe(week);
    expect(isoWeekOfDay(date)).toBe(week);
  });

  it('takes the date in Amsterdam, not in UTC', () => {
    // Sunday 27 Dec 23:30 UTC is Monday 28 Dec 00:30 in Amsterdam (CET, UTC+1).
    const instant = new Date('2026-12-27T23:30:00Z');
    expect(isoWeekOf(instant, 'UTC')).toBe('2026-W52');
    expect(isoWeekOf(instant, AMS)).toBe('2026-W53');
    expect(isoWeekOf(instant)).toBe('2026-W53');
  });

  it('handles summer time (UTC+2)', () => {
    // Sunday 2026-06-28 22:30 UTC is Monday 00:30 in Amsterdam.
    expect(isoWeekOf(new Date('2026-06-28T22:30:00Z'), AMS)).toBe('2026-W27');
    expect(isoWeekOf(new Date('2026-06-28T21:30:00Z'), AMS)).toBe('2026-W26');
  });
});

describe('week arithmetic', () => {
  it('moves across year ends, 53-week years included', () => {
    expect(addWeeks('2026-W52', 1)).toBe('2026-W53');
    expect(addWeeks('2026-W53', 1)).toBe('2027-W01');
    expect(addWeeks('2027-W01', -1)).toBe('2026-W53');
    expect(addWeeks('2025-W52', 1)).toBe('2026-W01');
    expect(weeksBetween('2026-W50', '2027-W02')).toBe(5);
    expect(weeksBetween('2027-W02', '2026-W50')).toBe(-5);
    expect(Math.sign(compareWeeks('2026-W53', '2027-W01'))).toBe(-1);
  });

  it('refuses what is not a week', () => {
    expect(isIsoWeek('2026-W53')).toBe(true);
    expect(isIsoWeek('2025-W53')).toBe(false); // 2025 has 52 weeks
    expect(isIsoWeek('2026-W00')).toBe(false);
    expect(isIsoWeek('next week')).toBe(false);
    expect(() => isoWeekMonday('2026-48')).toThrow(RangeError);
    expect(() => addWeeks('2026-W10', 1.5)).toThrow(/whole number/);
    expect(new Date(isoWeekMonday('2026-W01')).toISOString()).toBe('2025-12-29T00:00:00.000Z');
  });
});

describe('days of the school', () => {
  it('puts an instant on its Amsterdam day, across midnight and daylight saving', () => {
    expect(dayOf(new Date('2026-03-28T22:59:59Z'), AMS)).toBe('2026-03-28'); // 23:59:59 CET
    expect(dayOf(new Date('2026-03-28T23:00:00Z'), AMS)).toBe('2026-03-29'); // 00:00 CET
    expect(dayOf(new Date('2026-07-01T21:59:00Z'), AMS)).toBe('2026-07-01'); // 23:59 CEST
    expect(dayOf(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
    expect(dayOf(new Date('2026-07-01T22:00:00Z'), 'UTC')).toBe('2026-07-01');
    // 23:30 UTC on 31 December is already New Year's Day in Amsterdam.
    expect(dayOf(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
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

  it('finds local midnight in winter and summer time', () => {
    expect(startOfLocalDay(new Date('2026-01-15T12:00:00Z'), AMS).toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfLocalDay(new Date('2026-07-15T12:00:00Z'), AMS).toISOString()).toBe('2026-07-14T22:00:00.000Z');
    // Autumn change on 25 October 2026: the next day starts at 23:00 UTC again.
    expect(startOfLocalDay(new Date('2026-10-24T12:00:00Z'), AMS, 2).toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });
});
