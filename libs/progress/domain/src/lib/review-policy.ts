import type { LearningRating } from '@tall/vocabulary/contracts';

/** What a thematic answer changes in a student's word counts, given the word's state before it. */
export interface ThematicReviewEffect {
  /** First answer on this word: one more word seen. */
  newWord: boolean;
  /** +1 when the word entered the top (mastered) boxes, -1 when it fell out of them, else 0. */
  masteredChange: -1 | 0 | 1;
}

export function thematicReviewEffect(before: { mastered: boolean } | null, masteredAfter: boolean): ThematicReviewEffect {
  const wasMastered = before?.mastered ?? false;
  return {
    newWord: before === null,
    masteredChange: masteredAfter === wasMastered ? 0 : masteredAfter ? 1 : -1,
  };
}

/** A learning card counts as answered correctly unless the student rated it `again` (forgotten). */
export function learningReviewCorrect(rating: LearningRating): boolean {
  return rating !== 'again';
}
