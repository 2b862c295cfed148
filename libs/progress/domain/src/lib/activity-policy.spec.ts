import { accuracy, inactiveDays, isInactive, latestRun, streakOn } from './activity-policy';

describe('activity policy', () => {
  it('finds the run of consecutive days ending at the latest day, whatever the order of the days', () => {
    expect(latestRun([])).toBeNull();
    expect(latestRun(['2026-05-03'])).toEqual({ endDay: '2026-05-03', length: 1 });
    const days = ['2026-05-01', '2026-04-30', '2026-05-03', '2026-05-02', '2026-04-28', '2026-05-02'];
    expect(latestRun(days)).toEqual({ endDay: '2026-05-03', length: 4 });
    expect(latestRun([...days].reverse())).toEqual({ endDay: '2026-05-03', length: 4 });
    expect(latestRun(['2026-05-01', '2026-05-03'])).toEqual({ endDay: '2026-05-03', length: 1 });
  });

  it('shows the streak only while it reaches today or yesterday', () => {
    const run = { endDay: '2026-05-03', length: 4 };
    expect(streakOn(run, '2026-05-03')).toBe(4);
    expect(streakOn(run, '2026-05-04')).toBe(4);
    expect(streakOn(run, '2026-05-05')).toBe(0);
    expect(streakOn(null, '2026-05-05')).toBe(0);
  });

  it('flags a student inactive after more than seven days without activity, or without any', () => {
    const now = new Date('2026-05-10T12:00:00Z');
    expect(isInactive(null, now)).toBe(true);
    expect(isInactive(new Date('2026-05-03T12:00:00Z'), now)).toBe(false); // exactly 7 days
    expect(isInactive(new Date('2026-05-03T11:59:59Z'), now)).toBe(true);
    expect(inactiveDays(new Date('2026-05-03T11:59:59Z'), now)).toBe(7);
    expect(inactiveDays(null, now)).toBeNull();
    expect(inactiveDays(new Date('2026-05-10T12:03:00Z'), now)).toBe(0);
  });

  it('computes accuracy only when there were answers', () => {
    expect(accuracy(0, 0)).toBeNull();
    expect(accuracy(3, 4)).toBe(0.75);
  });
});
