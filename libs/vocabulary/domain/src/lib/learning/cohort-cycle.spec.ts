import {
  activeCohortWeeks,
  activeWeeksOf,
  cohortCycle,
  cohortCycleProblem,
  cyclePosition,
  isCohortActive,
  nextActiveWeek,
  rotateWeek,
  upcomingWeeks,
} from './cohort-cycle';
import { addWeeks, compareWeeks, isIsoWeek, isoWeekMonday, weeksBetween } from '@tall/platform/calendar';

describe('ISO week arithmetic', () => {
  it.each([
    ['2026-W48', 1, '2026-W49'],
    ['2026-W52', 1, '2026-W53'], // 2026 has 53 weeks
    ['2026-W53', 1, '2027-W01'],
    ['2027-W01', -1, '2026-W53'],
    ['2025-W52', 1, '2026-W01'], // 2025 has 52
    ['2026-W01', -1, '2025-W52'],
    ['2026-W48', 8, '2027-W03'],
    ['2026-W10', 0, '2026-W10'],
    ['2020-W53', 1, '2021-W01'],
  ])('%s + %i weeks is %s', (week, count, expected) => {
    expect(addWeeks(week, count)).toBe(expected);
    expect(weeksBetween(week, expected)).toBe(count);
  });

  it('anchors a week on its Monday', () => {
    expect(new Date(isoWeekMonday('2026-W48')).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(new Date(isoWeekMonday('2026-W01')).toISOString()).toBe('2025-12-29T00:00:00.000Z');
    expect(new Date(isoWeekMonday('2026-W53')).toISOString()).toBe('2026-12-28T00:00:00.000Z');
  });

  it('refuses what is not a week', () => {
    expect(isIsoWeek('2026-W48')).toBe(true);
    expect(isIsoWeek('2025-W53')).toBe(false);
    expect(isIsoWeek('2026-W00')).toBe(false);
    expect(isIsoWeek('2026-48')).toBe(false);
    expect(() => addWeeks('2026-W48', 0.5)).toThrow(RangeError);
  });

  it('orders weeks across years', () => {
    expect(compareWeeks('2026-W53', '2027-W01')).toBeLessThan(0);
    expect(compareWeeks('2027-W01', '2026-W53')).toBeGreaterThan(0);
    expect(compareWeeks('2026-W10', '2026-W10')).toBe(0);
  });
});

describe('cohort cycle', () => {
  const cycle = cohortCycle([1, 2, 4, 8]);

  it('validates the configured cycle', () => {
    expect(cohortCycleProblem([1, 2, 4, 8])).toBeNull();
    expect(cohortCycleProblem([])).toBeNull();
    expect(cohortCycleProblem([2, 1])).toMatch(/strictly increasing/);
    expect(cohortCycleProblem([1, 1])).toMatch(/strictly increasing/);
    expect(cohortCycleProblem([0, 1])).toMatch(/from 1/);
    expect(cohortCycleProblem([1.5])).toMatch(/whole number/);
    expect(cohortCycleProblem([105])).toMatch(/104/);
    expect(() => cohortCycle([3, 2])).toThrow(RangeError);
  });

  it('makes a week active for its own new cohort and the cohorts 1, 2, 4 and 8 weeks old', () => {
    expect(activeCohortWeeks('2026-W48', cycle)).toEqual(['2026-W48', '2026-W47', '2026-W46', '2026-W44', '2026-W40']);
    expect(activeCohortWeeks('2027-W02', cycle)).toEqual(['2027-W02', '2027-W01', '2026-W53', '2026-W51', '2026-W47']);
  });

  it('brings a cohort back in weeks +1, +2, +4 and +8, then retires it', () => {
    expect(activeWeeksOf('2026-W48', cycle)).toEqual(['2026-W48', '2026-W49', '2026-W50', '2026-W52', '2027-W03']);
    const positions = Array.from({ length: 12 }, (_, index) => cyclePosition('2026-W48', addWeeks('2026-W48', index), cycle));
    expect(positions).toEqual([0, 1, 2, null, 4, null, null, null, 8, null, null, null]);
    expect(isCohortActive('2026-W48', '2026-W51', cycle)).toBe(false);
    expect(isCohortActive('2026-W48', '2026-W47', cycle)).toBe(false); // before it existed
    expect(nextActiveWeek('2026-W48', '2026-W50', cycle)).toBe('2026-W52');
    expect(nextActiveWeek('2026-W48', '2026-W52', cycle)).toBe('2027-W03');
    expect(nextActiveWeek('2026-W48', '2027-W03', cycle)).toBeNull();
  });

  it('follows another configured cycle', () => {
    const sparse = cohortCycle([3, 10]);
    expect(activeWeeksOf('2026-W01', sparse)).toEqual(['2026-W01', '2026-W04', '2026-W11']);
    expect(activeCohortWeeks('2026-W11', sparse)).toEqual(['2026-W11', '2026-W08', '2026-W01']);
    expect(activeWeeksOf('2026-W01', cohortCycle([]))).toEqual(['2026-W01']);
  });

  it("rotates a student's active set from cohort sizes: only non-empty cohorts on the cycle", () => {
    const sizes = { '2026-W48': 3, '2026-W47': 10, '2026-W45': 7, '2026-W44': 5, '2026-W40': 2, '2026-W39': 9 };
    expect(rotateWeek('2026-W48', sizes, cycle)).toEqual({
      week: '2026-W48',
      activeCohorts: ['2026-W48', '2026-W47', '2026-W44', '2026-W40'],
      activeCards: 20,
      newCohortCards: 3,
    });
    expect(rotateWeek('2026-W49', sizes, cycle)).toEqual({
      week: '2026-W49',
      activeCohorts: ['2026-W48', '2026-W47', '2026-W45'],
      activeCards: 20,
      newCohortCards: 0,
    });
    expect(rotateWeek('2026-W49', { '2026-W48': 0 }, cycle)).toEqual({ week: '2026-W49', activeCohorts: [], activeCards: 0, newCohortCards: 0 });
  });

  it('plans the coming weeks', () => {
    const plan = upcomingWeeks('2026-W48', 9, { '2026-W48': 4, '2026-W46': 6 }, cycle);
    expect(plan.map((week) => [week.week, week.cohorts, week.cards])).toEqual([
      ['2026-W49', ['2026-W48'], 4],
      ['2026-W50', ['2026-W48', '2026-W46'], 10],
      ['2026-W51', [], 0],
      ['2026-W52', ['2026-W48'], 4],
      ['2026-W53', [], 0],
      ['2027-W01', ['2026-W46'], 6], // 2026 has 53 weeks: W46 + 8 is 2027-W01
      ['2027-W02', [], 0],
      ['2027-W03', ['2026-W48'], 4],
      ['2027-W04', [], 0],
    ]);
  });
});
