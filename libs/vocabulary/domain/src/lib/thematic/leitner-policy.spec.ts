import { DAY_MS, LeitnerPolicy, LeitnerSettingsError } from './leitner-policy';

const HOUR = 60 * 60 * 1000;
const days = (...n: number[]) => n.map((value) => value * DAY_MS);
const policy = new LeitnerPolicy({ intervalsMs: days(0, 1, 3, 7, 14, 30, 90), topBoxes: 2, masteryThreshold: 0.9, timeZone: 'Europe/Amsterdam' });

describe('LeitnerPolicy', () => {
  const monday = new Date('2026-03-02T19:30:00Z'); // 20:30 in Amsterdam

  it('puts a new word in box 2 when right, box 1 when wrong', () => {
    expect(policy.review(null, true, monday)).toEqual({ fromBox: 0, toBox: 2, dueAt: new Date('2026-03-02T23:00:00Z'), effect: 'moved' });
    expect(policy.review(null, false, monday)).toEqual({ fromBox: 0, toBox: 1, dueAt: monday, effect: 'moved' });
  });

  it('moves a due card up one box on a right answer and back to box 1 on a wrong one', () => {
    const card = { box: 3, dueAt: new Date('2026-03-01T23:00:00Z'), lastAnsweredAt: new Date('2026-02-26T10:00:00Z') };
    const right = policy.review(card, true, monday);
    expect(right).toMatchObject({ fromBox: 3, toBox: 4, effect: 'moved' });
    // Box 4 is 7 days: the start of the local day a week later (CET, UTC+1).
    expect(right.dueAt.toISOString()).toBe('2026-03-08T23:00:00.000Z');
    expect(policy.review(card, false, monday)).toEqual({ fromBox: 3, toBox: 1, dueAt: monday, effect: 'moved' });
  });

  it('keeps a card in the top box and schedules it again', () => {
    const card = { box: 7, dueAt: new Date('2026-03-01T00:00:00Z'), lastAnsweredAt: new Date('2025-12-01T10:00:00Z') };
    const outcome = policy.review(card, true, monday);
    expect(outcome).toMatchObject({ fromBox: 7, toBox: 7, effect: 'moved' });
    expect(outcome.dueAt.getTime()).toBeGreaterThan(monday.getTime() + 89 * DAY_MS);
  });

  it('does not promote a card answered right before it is due, but demotes it when wrong', () => {
    const card = { box: 4, dueAt: new Date('2026-03-05T23:00:00Z'), lastAnsweredAt: new Date('2026-02-27T10:00:00Z') };
    expect(policy.review(card, true, monday)).toEqual({ fromBox: 4, toBox: 4, dueAt: card.dueAt, effect: 'early' });
    expect(policy.review(card, false, monday)).toMatchObject({ fromBox: 4, toBox: 1, effect: 'moved' });
  });

  it('leaves a card alone for an answer older than its last one', () => {
    const card = { box: 4, dueAt: new Date('2026-03-05T23:00:00Z'), lastAnsweredAt: monday };
    expect(policy.review(card, false, new Date(monday.getTime() - HOUR))).toEqual({ fromBox: 4, toBox: 4, dueAt: card.dueAt, effect: 'stale' });
  });

  it('counts whole-day intervals in local days across a daylight-saving change', () => {
    // 2026-03-29 is the spring change in Amsterdam: 3 days after 27 March is 30 March 00:00 CEST.
    const friday = new Date('2026-03-27T08:00:00Z');
    expect(policy.dueAfter(3, friday).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    // An answer at 23:30 local time is due again "tomorrow": from midnight, half an hour later.
    expect(policy.dueAfter(2, new Date('2026-01-10T22:30:00Z')).toISOString()).toBe('2026-01-10T23:00:00.000Z');
  });

  it('adds sub-day intervals exactly', () => {
    const short = new LeitnerPolicy({ intervalsMs: [0, 10 * 60_000, 4 * HOUR, DAY_MS], topBoxes: 1, masteryThreshold: 1, timeZone: 'Europe/Amsterdam' });
    expect(short.dueAfter(2, monday).getTime()).toBe(monday.getTime() + 10 * 60_000);
    expect(short.dueAfter(1, monday)).toEqual(monday);
  });

  it('knows the mastered boxes and when a topic is mastered', () => {
    expect([1, 2, 3, 4, 5, 6, 7].filter((box) => policy.isMastered(box))).toEqual([6, 7]);
    expect(policy.topicMastered(27, 30)).toBe(true);
    expect(policy.topicMastered(26, 30)).toBe(false);
    expect(policy.topicMastered(0, 0)).toBe(false);
  });

  it('refuses settings that cannot schedule', () => {
    const valid = { intervalsMs: days(0, 1, 3), topBoxes: 1, masteryThreshold: 0.9, timeZone: 'Europe/Amsterdam' };
    expect(() => new LeitnerPolicy({ ...valid, intervalsMs: days(0) })).toThrow(LeitnerSettingsError);
    expect(() => new LeitnerPolicy({ ...valid, intervalsMs: days(0, 3, 1) })).toThrow(/shorter/);
    expect(() => new LeitnerPolicy({ ...valid, topBoxes: 3 })).toThrow(/box 1 is never mastered/);
    expect(() => new LeitnerPolicy({ ...valid, masteryThreshold: 0 })).toThrow(LeitnerSettingsError);
    expect(() => new LeitnerPolicy({ ...valid, masteryThreshold: 1.5 })).toThrow(LeitnerSettingsError);
  });

  it('walks a word from new to mastered on one right answer per due day', () => {
    let card = null as null | { box: number; dueAt: Date; lastAnsweredAt: Date };
    let at = monday;
    const boxes: number[] = [];
    for (let step = 0; step < 6; step++) {
      const outcome = policy.review(card, true, at);
      card = { box: outcome.toBox, dueAt: outcome.dueAt, lastAnsweredAt: at };
      boxes.push(outcome.toBox);
      at = new Date(outcome.dueAt.getTime() + 9 * HOUR); // the morning of the due day
    }
    expect(boxes).toEqual([2, 3, 4, 5, 6, 7]);
    expect(policy.isMastered(card?.box ?? 0)).toBe(true);
  });
});
