import { BUCKETS, CLOZE, MATCH, ORDER } from '../../test-support/sample-exercises';
import { AnswerRejectedError, gradeExercise } from './grade-exercise';

const rejection = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof AnswerRejectedError ? { code: error.code, itemId: error.itemId } : error;
  }
  return null;
};

describe('gradeExercise', () => {
  describe('order', () => {
    it('takes the sentence and the accepted orders, any case; expects the sentence', () => {
      const graded = gradeExercise(ORDER, [
        { itemId: 'i1', answer: ['Morgen', 'ga', 'Ik', 'naar', 'de', 'markt'] },
        { itemId: 'i2', answer: ['De', 'kaas', 'is', 'lekker'] },
        { itemId: 'i3', answer: ['de', 'Is', 'vis', 'vers'] },
      ]);
      expect(graded).toEqual({
        score: 2,
        maxScore: 3,
        results: [
          { itemId: 'i1', correct: true, expected: 'Ik ga morgen naar de markt.' },
          { itemId: 'i2', correct: true, expected: 'De kaas is lekker.' },
          { itemId: 'i3', correct: false, expected: 'Is de vis vers?' },
        ],
      });
    });

    it('accepts equal words in either place, as the sentence reads the same', () => {
      const twice = { ...ORDER, items: [{ id: 'i1', sentence: 'De man ziet de hond.' }, ORDER.items[1], ORDER.items[2]] };
      expect(gradeExercise(twice, [{ itemId: 'i1', answer: ['De', 'man', 'ziet', 'de', 'hond'] }]).results[0].correct).toBe(true);
      expect(gradeExercise(twice, [{ itemId: 'i1', answer: ['de', 'man', 'ziet', 'De', 'hond'] }]).results[0].correct).toBe(true);
      expect(gradeExercise(twice, [{ itemId: 'i1', answer: ['De', 'hond', 'ziet', 'de', 'man'] }]).results[0].correct).toBe(false);
    });

    it('refuses tokens the item does not have, or not all of them', () => {
      expect(rejection(() => gradeExercise(ORDER, [{ itemId: 'i2', answer: ['De', 'kaas', 'is', 'vies'] }]))).toEqual({ code: 'INVALID_ANSWER', itemId: 'i2' });
      expect(rejection(() => gradeExercise(ORDER, [{ itemId: 'i2', answer: ['De', 'kaas', 'is'] }]))).toEqual({ code: 'INVALID_ANSWER', itemId: 'i2' });
      expect(rejection(() => gradeExercise(ORDER, [{ itemId: 'i2', answer: ['De', 'kaas', 'is', 'lekker', 'lekker'] }]))).toEqual({ code: 'INVALID_ANSWER', itemId: 'i2' });
      expect(rejection(() => gradeExercise(ORDER, [{ itemId: 'i2', answer: 'De kaas is lekker' }]))).toEqual({ code: 'ANSWER_SHAPE_MISMATCH', itemId: 'i2' });
    });
  });

  describe('match', () => {
    it('grades each pair, forgiving case and spaces', () => {
      const graded = gradeExercise(MATCH, [
        { itemId: 'i1', answer: ' Apple ' },
        { itemId: 'i2', answer: 'cherry' },
      ]);
      expect(graded).toEqual({
        score: 1,
        maxScore: 3,
        results: [
          { itemId: 'i1', correct: true, expected: 'apple' },
          { itemId: 'i2', correct: false, expected: 'pear' },
          { itemId: 'i3', correct: false, expected: 'cherry' },
        ],
      });
    });

    it('refuses an option that is not there, and a list', () => {
      expect(rejection(() => gradeExercise(MATCH, [{ itemId: 'i1', answer: 'banana' }]))).toEqual({ code: 'INVALID_ANSWER', itemId: 'i1' });
      expect(rejection(() => gradeExercise(MATCH, [{ itemId: 'i1', answer: ['apple'] }]))).toEqual({ code: 'ANSWER_SHAPE_MISMATCH', itemId: 'i1' });
    });
  });

  describe('buckets', () => {
    it('grades each item by its bucket', () => {
      const graded = gradeExercise(BUCKETS, [
        { itemId: 'i1', answer: 'het' },
        { itemId: 'i2', answer: 'het' },
        { itemId: 'i3', answer: 'het' },
        { itemId: 'i4', answer: 'de' },
      ]);
      expect(graded.score).toBe(3);
      expect(graded.results[1]).toEqual({ itemId: 'i2', correct: false, expected: 'de' });
    });

    it('refuses a bucket that is not declared', () => {
      expect(rejection(() => gradeExercise(BUCKETS, [{ itemId: 'i1', answer: 'den' }]))).toEqual({ code: 'INVALID_ANSWER', itemId: 'i1' });
      expect(rejection(() => gradeExercise(BUCKETS, [{ itemId: 'i1', answer: ['de'] }]))).toEqual({ code: 'ANSWER_SHAPE_MISMATCH', itemId: 'i1' });
    });
  });

  describe('cloze', () => {
    it('matches typed words tolerantly (case, spaces, apostrophes) and every blank of an item', () => {
      const graded = gradeExercise(CLOZE, [
        { itemId: 'i1', answer: [' WOON '] },
        { itemId: 'i2', answer: ['werkt', 'fietst'] },
        { itemId: 'i3', answer: ['½'] },
      ]);
      expect(graded).toEqual({
        score: 3,
        maxScore: 3,
        results: [
          { itemId: 'i1', correct: true, expected: ['woon'] },
          { itemId: 'i2', correct: true, expected: ['werkt', 'fietst'] },
          { itemId: 'i3', correct: true, expected: ['half'] },
        ],
      });
    });

    it('is strict on every letter, and wrong when one blank of two is', () => {
      const graded = gradeExercise(CLOZE, [
        { itemId: 'i1', answer: ['woont'] },
        { itemId: 'i2', answer: ['werkt', 'loopt'] },
        { itemId: 'i3', answer: [''] },
      ]);
      expect(graded.results.map((result) => result.correct)).toEqual([false, false, false]);
    });

    it('refuses another number of blanks, and a single text', () => {
      expect(rejection(() => gradeExercise(CLOZE, [{ itemId: 'i2', answer: ['werkt'] }]))).toEqual({ code: 'INVALID_ANSWER', itemId: 'i2' });
      expect(rejection(() => gradeExercise(CLOZE, [{ itemId: 'i1', answer: 'woon' }]))).toEqual({ code: 'ANSWER_SHAPE_MISMATCH', itemId: 'i1' });
    });
  });

  it('counts unanswered items as wrong, and refuses unknown and twice-answered items', () => {
    expect(gradeExercise(MATCH, [])).toMatchObject({ score: 0, maxScore: 3 });
    expect(rejection(() => gradeExercise(MATCH, [{ itemId: 'i9', answer: 'apple' }]))).toEqual({ code: 'INVALID_ANSWER', itemId: 'i9' });
    expect(
      rejection(() =>
        gradeExercise(MATCH, [
          { itemId: 'i1', answer: 'apple' },
          { itemId: 'i1', answer: 'pear' },
        ]),
      ),
    ).toEqual({ code: 'INVALID_ANSWER', itemId: 'i1' });
  });
});
