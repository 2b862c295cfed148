import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';
import { intervalPrediction, type Outcome, type Scheduler, type SchedulerCard } from './simulation';

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2026, 0, 5);
const toDate = (day: number) => new Date(EPOCH + day * DAY_MS);
const toDay = (date: Date) => (date.getTime() - EPOCH) / DAY_MS;

const FSRS_RATING: Record<Outcome['grade'], Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

interface FsrsSimCard extends SchedulerCard {
  card: Card;
}

/** FSRS with ts-fsrs's default parameters (desired retention 0.9, fuzz off so runs repeat). */
export function fsrsScheduler(requestRetention = 0.9): Scheduler<FsrsSimCard> {
  const engine = fsrs({ request_retention: requestRetention, enable_fuzz: false });
  const apply = (card: Card, now: number, grade: Outcome['grade']): FsrsSimCard => {
    const next = engine.next(card, toDate(now), FSRS_RATING[grade]).card;
    return { card: next, due: toDay(next.due) };
  };
  return {
    name: `FSRS (ts-fsrs defaults, retention ${requestRetention})`,
    introduce: (now, outcome) => apply(createEmptyCard(toDate(now)), now, outcome.grade),
    review: (state, now, outcome) => apply(state.card, now, outcome.grade),
    predict: (state, now) => engine.get_retrievability(state.card, toDate(now), false),
  };
}

interface Sm2Card extends SchedulerCard {
  repetitions: number;
  easiness: number;
  interval: number;
  lastReview: number;
}

const SM2_QUALITY: Record<Outcome['grade'], number> = { again: 1, hard: 3, good: 4, easy: 5 };

/** SuperMemo-2 as published (Woźniak 1990): intervals 1, 6, then ×EF; quality < 3 starts over. */
export function sm2Scheduler(): Scheduler<Sm2Card> {
  const step = (card: Omit<Sm2Card, 'due'>, now: number, grade: Outcome['grade']): Sm2Card => {
    const quality = SM2_QUALITY[grade];
    const easiness = Math.max(1.3, card.easiness + (0.1 - (5 - quality) * (0.08 + (5 - quality) * 0.02)));
    if (quality < 3) return { repetitions: 0, easiness, interval: 1, lastReview: now, due: now + 1 };
    const repetitions = card.repetitions + 1;
    const interval = repetitions === 1 ? 1 : repetitions === 2 ? 6 : Math.round(card.interval * easiness);
    return { repetitions, easiness, interval, lastReview: now, due: now + interval };
  };
  return {
    name: 'SM-2',
    introduce: (now, outcome) => step({ repetitions: 0, easiness: 2.5, interval: 0, lastReview: now }, now, outcome.grade),
    review: (card, now, outcome) => step(card, now, outcome.grade),
    predict: (card, now) => intervalPrediction(now - card.lastReview, card.interval),
  };
}
