import { intervalPrediction, type Scheduler, type SchedulerCard } from './simulation';
// Placeholder until the vocabulary domain's Leitner scheduler lands.
export function thematicScheduler(): Scheduler<SchedulerCard & { box: number; last: number }> {
  const intervals = [0, 1, 3, 7, 14, 30, 90];
  const next = (box: number, now: number) => ({ box, last: now, due: now + intervals[box - 1] });
  return { name: 'thematic (placeholder)', introduce: (now) => next(1, now), review: (c, now, o) => next(o.correct ? Math.min(c.box + 1, 7) : 1, now), predict: (c, now) => intervalPrediction(now - c.last, intervals[c.box - 1]) };
}
