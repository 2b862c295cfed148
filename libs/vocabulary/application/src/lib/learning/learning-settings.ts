import type { CohortCycle } from '@tall/vocabulary/domain';

export interface LearningSettings {
  /** FSRS desired retention, 0.7..0.99. */
  desiredRetention: number;
  /** Weeks after creation a cohort is active again, e.g. [1, 2, 4, 8]. */
  cohortCycle: CohortCycle;
  /** The calendar of weeks and days (cohorts, "today"), e.g. `Europe/Amsterdam`. */
  timeZone: string;
}

export const LEARNING_SETTINGS = Symbol('LEARNING_SETTINGS');
/** The current time (`() => new Date()`); tests put the clock where they need it. */
export const LEARNING_CLOCK = Symbol('LEARNING_CLOCK');
export type Clock = () => Date;

/** Learning cards in the short (re)learning steps come up to this long before they are due. */
export const LEARN_AHEAD_MS = 20 * 60_000;
/** Applied reviews kept inside the card, so a retried review is recognised even if its log entry was not written. */
export const KEPT_REVIEWS_PER_CARD = 20;
