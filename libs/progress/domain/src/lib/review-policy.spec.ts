import { learningReviewCorrect, thematicReviewEffect } from './review-policy';

describe('review policy', () => {
  it('counts a new word once and mastery changes in both directions', () => {
    expect(thematicReviewEffect(null, false)).toEqual({ newWord: true, masteredChange: 0 });
    expect(thematicReviewEffect(null, true)).toEqual({ newWord: true, masteredChange: 1 });
    expect(thematicReviewEffect({ mastered: false }, true)).toEqual({ newWord: false, masteredChange: 1 });
    expect(thematicReviewEffect({ mastered: true }, true)).toEqual({ newWord: false, masteredChange: 0 });
    expect(thematicReviewEffect({ mastered: true }, false)).toEqual({ newWord: false, masteredChange: -1 });
  });

  it('takes every learning rating but `again` as remembered', () => {
    expect(['again', 'hard', 'good', 'easy'].map((rating) => learningReviewCorrect(rating as 'again'))).toEqual([false, true, true, true]);
  });
});
