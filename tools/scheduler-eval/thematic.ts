import { appConfigSchema } from '@tall/platform/config';
import { LeitnerPolicy, type LeitnerCard } from '@tall/vocabulary/domain';
import { intervalPrediction, type Scheduler, type SchedulerCard } from './simulation';

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2026, 0, 5);
const toDate = (day: number) => new Date(EPOCH + day * DAY_MS);
const toDay = (date: Date) => (date.getTime() - EPOCH) / DAY_MS;

interface ThematicSimCard extends SchedulerCard {
  card: LeitnerCard;
}

/** The thematic-cards scheduler of the vocabulary context, with the app's default configuration. */
export function thematicScheduler(): Scheduler<ThematicSimCard> {
  const defaults = appConfigSchema.pick({ THEMATIC_BOX_INTERVALS: true, THEMATIC_TOP_BOXES: true, THEMATIC_MASTERY_THRESHOLD: true }).parse({});
  const policy = new LeitnerPolicy({
    intervalsMs: defaults.THEMATIC_BOX_INTERVALS,
    topBoxes: defaults.THEMATIC_TOP_BOXES,
    masteryThreshold: defaults.THEMATIC_MASTERY_THRESHOLD,
    timeZone: 'Europe/Amsterdam',
  });
  const answer = (card: LeitnerCard | null, now: number, correct: boolean): ThematicSimCard => {
    const at = toDate(now);
    const outcome = policy.review(card, correct, at);
    return { card: { box: outcome.toBox, dueAt: outcome.dueAt, lastAnsweredAt: at }, due: toDay(outcome.dueAt) };
  };
  const intervalDays = (box: number) => defaults.THEMATIC_BOX_INTERVALS[box - 1] / DAY_MS;
  return {
    name: `thematic Leitner (boxes ${defaults.THEMATIC_BOX_INTERVALS.map((ms) => (ms === 0 ? '0' : `${ms / DAY_MS}d`)).join(', ')})`,
    introduce: (now, outcome) => answer(null, now, outcome.correct),
    review: (state, now, outcome) => answer(state.card, now, outcome.correct),
    predict: (state, now) => intervalPrediction(now - toDay(state.card.lastAnsweredAt), intervalDays(state.card.box)),
  };
}
