import { createEmptyCard, fsrs, Rating, State, type Card, type FSRS, type Grade } from 'ts-fsrs';
import type { LearningRating } from '@tall/vocabulary/contracts';

export type LearningCardStateName = 'new' | 'learning' | 'review' | 'relearning';

/** A learning card's FSRS memory and schedule, as stored with the card. */
export interface FsrsMemory {
  state: LearningCardStateName;
  due: Date;
  stability: number;
  difficulty: number;
  /** Kept because ts-fsrs 5 still reads it; ts-fsrs 6 drops it. */
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: Date | null;
}

export interface LearningSchedulerOptions {
  /** Share of reviews FSRS aims to have remembered, 0.7..0.99 (default 0.9). */
  desiredRetention: number;
}

const STATES: Record<State, LearningCardStateName> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};
const STATE_OF_NAME: Record<LearningCardStateName, State> = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning };
const GRADES: Record<LearningRating, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

export function desiredRetentionProblem(value: number): string | null {
  return Number.isFinite(value) && value >= 0.7 && value <= 0.99 ? null : `${value} is not a retention from 0.7 to 0.99`;
}

/**
 * FSRS (ts-fsrs, default weights) with Tall's settings: the configured desired retention, the
 * library's default short-term learning steps (1 and 10 minutes), and interval fuzz so a
 * cohort added on one evening does not come due on one day. The fuzz is seeded from the review
 * time and the card's memory, so the same inputs give the same due date.
 */
export class LearningScheduler {
  private readonly fsrs: FSRS;

  constructor(readonly options: LearningSchedulerOptions) {
    const problem = desiredRetentionProblem(options.desiredRetention);
    if (problem) throw new RangeError(`Invalid desired retention: ${problem}`);
    this.fsrs = fsrs(LearningScheduler.parameters(options));
  }

  /** The ts-fsrs parameters used, for tests and documentation. */
  static parameters(options: LearningSchedulerOptions) {
    return { request_retention: options.desiredRetention, enable_fuzz: true, enable_short_term: true } as const;
  }

  /** A card never reviewed, due at once. */
  static newCard(at: Date): FsrsMemory {
    return fromFsrs(createEmptyCard(at));
  }

  /**
   * The memory after rating the card at `answeredAt`. A review answered before the card's last
   * review (offline devices syncing out of order) is scheduled as if answered right after it:
   * FSRS has no meaning for negative elapsed time.
   */
  review(memory: FsrsMemory, rating: LearningRating, answeredAt: Date): FsrsMemory {
    const at = memory.lastReview && answeredAt < memory.lastReview ? memory.lastReview : answeredAt;
    return fromFsrs(this.fsrs.next(toFsrs(memory), at, GRADES[rating]).card);
  }

  /** Probability of recall now, 0..1 (0 for a card never reviewed). */
  retrievability(memory: FsrsMemory, at: Date): number {
    if (memory.state === 'new') return 0;
    return this.fsrs.get_retrievability(toFsrs(memory), at, false);
  }
}

export function toFsrs(memory: FsrsMemory): Card {
  return {
    due: memory.due,
    stability: memory.stability,
    difficulty: memory.difficulty,
    elapsed_days: memory.elapsedDays,
    scheduled_days: memory.scheduledDays,
    learning_steps: memory.learningSteps,
    reps: memory.reps,
    lapses: memory.lapses,
    state: STATE_OF_NAME[memory.state],
    ...(memory.lastReview ? { last_review: memory.lastReview } : {}),
  };
}

export function fromFsrs(card: Card): FsrsMemory {
  return {
    state: STATES[card.state],
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.last_review ?? null,
  };
}
