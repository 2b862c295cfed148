import { createEmptyCard, fsrs, Rating, State } from 'ts-fsrs';
import { LearningScheduler, toFsrs } from './learning-scheduler';

const DAY = 24 * 60 * 60 * 1000;

describe('LearningScheduler', () => {
  const start = new Date('2026-11-23T08:00:00Z');

  it('schedules exactly as ts-fsrs does with the same parameters', () => {
    const scheduler = new LearningScheduler({ desiredRetention: 0.9 });
    const reference = fsrs({ request_retention: 0.9, enable_fuzz: true, enable_short_term: true });
    const ratings = [
      ['good', Rating.Good, 0],
      ['good', Rating.Good, 10 * 60_000],
      ['hard', Rating.Hard, 2 * DAY],
      ['again', Rating.Again, 9 * DAY],
      ['good', Rating.Good, 9 * DAY + 10 * 60_000],
      ['easy', Rating.Easy, 15 * DAY],
    ] as const;
    let ours = LearningScheduler.newCard(start);
    let theirs = createEmptyCard(start);
    for (const [rating, grade, offset] of ratings) {
      const at = new Date(start.getTime() + offset);
      ours = scheduler.review(ours, rating, at);
      theirs = reference.next(theirs, at, grade).card;
      expect(toFsrs(ours)).toEqual({ ...theirs });
    }
    expect(ours.state).toBe('review');
    expect(ours.lapses).toBe(1);
    expect(ours.reps).toBe(6);
  });

  it('names the states and leaves a new card due at once', () => {
    const scheduler = new LearningScheduler({ desiredRetention: 0.9 });
    const fresh = LearningScheduler.newCard(start);
    expect(fresh).toMatchObject({ state: 'new', due: start, reps: 0, lastReview: null });
    const learning = scheduler.review(fresh, 'again', start);
    expect(learning.state).toBe('learning');
    expect(learning.due.getTime() - start.getTime()).toBe(60_000); // first learning step, 1 minute
    const graduated = scheduler.review(scheduler.review(learning, 'good', new Date(start.getTime() + 60_000)), 'good', new Date(start.getTime() + 11 * 60_000));
    expect(graduated.state).toBe('review');
    expect(toFsrs(graduated).state).toBe(State.Review);
  });

  it('asks for reviews sooner when a higher retention is wanted', () => {
    const interval = (desiredRetention: number) => {
      const scheduler = new LearningScheduler({ desiredRetention });
      let card = scheduler.review(LearningScheduler.newCard(start), 'easy', start);
      card = scheduler.review(card, 'good', card.due);
      return card.scheduledDays;
    };
    expect(interval(0.95)).toBeLessThan(interval(0.9));
    expect(interval(0.9)).toBeLessThan(interval(0.8));
  });

  it('schedules a review answered before the last one as if right after it', () => {
    const scheduler = new LearningScheduler({ desiredRetention: 0.9 });
    const reviewed = scheduler.review(LearningScheduler.newCard(start), 'easy', start);
    const late = scheduler.review(reviewed, 'good', new Date(start.getTime() - DAY));
    expect(late).toEqual(scheduler.review(reviewed, 'good', start));
    expect(late.lastReview).toEqual(start);
  });

  it('refuses an unusable retention', () => {
    expect(() => new LearningScheduler({ desiredRetention: 1 })).toThrow(RangeError);
    expect(() => new LearningScheduler({ desiredRetention: 0.5 })).toThrow(RangeError);
    expect(() => new LearningScheduler({ desiredRetention: Number.NaN })).toThrow(RangeError);
  });

  it('estimates recall, lower as time passes', () => {
    const scheduler = new LearningScheduler({ desiredRetention: 0.9 });
    const card = scheduler.review(LearningScheduler.newCard(start), 'easy', start);
    expect(scheduler.retrievability(LearningScheduler.newCard(start), start)).toBe(0);
    const soon = scheduler.retrievability(card, new Date(start.getTime() + DAY));
    const later = scheduler.retrievability(card, new Date(start.getTime() + 30 * DAY));
    expect(soon).toBeGreaterThan(later);
    expect(soon).toBeLessThanOrEqual(1);
  });
});
