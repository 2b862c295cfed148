import { startOfLocalDay } from '@tall/platform/calendar';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface LeitnerSettings {
  /** Review interval of boxes 1..N, in ms. Whole days land on the start of a local day. */
  intervalsMs: readonly number[];
  /** How many of the highest boxes count as mastered. */
  topBoxes: number;
  /** Share (0..1] of a topic's words that must sit in the top boxes for the topic to be mastered. */
  masteryThreshold: number;
  /** The zone whose days whole-day intervals count in. */
  timeZone: string;
}

/** A student's state on one word. No card yet means the word is new to them (box 0). */
export interface LeitnerCard {
  box: number;
  dueAt: Date;
  lastAnsweredAt: Date;
}

export interface LeitnerOutcome {
  fromBox: number;
  toBox: number;
  dueAt: Date;
  /**
   * `moved`: the answer moved the card (or kept it in the top box); `early`: a right answer
   * before the card was due, which does not promote it; `stale`: the answer is older than the
   * one the card already reflects and cannot be placed before it.
   */
  effect: 'moved' | 'early' | 'stale';
}

export class LeitnerSettingsError extends Error {
  constructor(
    readonly setting: 'intervals' | 'topBoxes' | 'masteryThreshold',
    message: string,
  ) {
    super(message);
    this.name = 'LeitnerSettingsError';
  }
}

/**
 * The school's thematic-card scheduler, in the Leitner family. A card sits in one of N boxes;
 * a right answer moves it up one box (a longer interval), a wrong one back to box 1. A new word
 * is in box 0: its first answer puts it in box 2 when right, box 1 when wrong. A right answer
 * before the card is due keeps it where it is (no cramming to the top), a wrong one always
 * sends it back. Reviews are applied in `answeredAt` order; one older than the card's last
 * answer leaves the card as it is.
 */
export class LeitnerPolicy {
  readonly boxCount: number;
  /** The lowest box that counts as mastered. */
  readonly firstMasteredBox: number;

  constructor(readonly settings: LeitnerSettings) {
    const { intervalsMs, topBoxes, masteryThreshold } = settings;
    if (intervalsMs.length < 2 || intervalsMs.length > 20) {
      throw new LeitnerSettingsError('intervals', `needs 2 to 20 boxes, got ${intervalsMs.length}`);
    }
    if (intervalsMs.some((interval) => !Number.isFinite(interval) || interval < 0)) {
      throw new LeitnerSettingsError('intervals', 'intervals must be zero or positive durations');
    }
    if (intervalsMs.some((interval, index) => index > 0 && interval < intervalsMs[index - 1])) {
      throw new LeitnerSettingsError('intervals', 'intervals must not get shorter from one box to the next');
    }
    if (!Number.isInteger(topBoxes) || topBoxes < 1 || topBoxes >= intervalsMs.length) {
      throw new LeitnerSettingsError('topBoxes', `must be a whole number from 1 to ${intervalsMs.length - 1} (box 1 is never mastered)`);
    }
    if (!(masteryThreshold > 0 && masteryThreshold <= 1)) {
      throw new LeitnerSettingsError('masteryThreshold', 'must be above 0 and at most 1');
    }
    this.boxCount = intervalsMs.length;
    this.firstMasteredBox = this.boxCount - topBoxes + 1;
  }

  isMastered(box: number): boolean {
    return box >= this.firstMasteredBox;
  }

  /** When a card put into `box` at `at` is due again. */
  dueAfter(box: number, at: Date): Date {
    const interval = this.settings.intervalsMs[Math.min(Math.max(box, 1), this.boxCount) - 1];
    if (interval > 0 && interval % DAY_MS === 0) {
      // "In 3 days" means from the start of that day, whatever the hour of this answer.
      return startOfLocalDay(at, this.settings.timeZone, interval / DAY_MS);
    }
    return new Date(at.getTime() + interval);
  }

  review(card: LeitnerCard | null, correct: boolean, answeredAt: Date): LeitnerOutcome {
    if (!card) {
      const toBox = correct ? Math.min(2, this.boxCount) : 1;
      return { fromBox: 0, toBox, dueAt: this.dueAfter(toBox, answeredAt), effect: 'moved' };
    }
    if (answeredAt.getTime() < card.lastAnsweredAt.getTime()) {
      return { fromBox: card.box, toBox: card.box, dueAt: card.dueAt, effect: 'stale' };
    }
    if (!correct) return { fromBox: card.box, toBox: 1, dueAt: this.dueAfter(1, answeredAt), effect: 'moved' };
    if (answeredAt.getTime() < card.dueAt.getTime()) {
      return { fromBox: card.box, toBox: card.box, dueAt: card.dueAt, effect: 'early' };
    }
    const toBox = Math.min(card.box + 1, this.boxCount);
    return { fromBox: card.box, toBox, dueAt: this.dueAfter(toBox, answeredAt), effect: 'moved' };
  }

  /** Whether a topic of `wordCount` words with `masteredWords` in the top boxes is mastered. */
  topicMastered(masteredWords: number, wordCount: number): boolean {
    return wordCount > 0 && masteredWords / wordCount >= this.settings.masteryThreshold;
  }
}
