import { streakOf } from './streak';

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
