import { bucketsExercise, clozeExercise, matchExercise, orderExercise } from '../testing/exercises-fixture';
import {
  answeredCount,
  attemptBody,
  blanksOf,
  freeOptions,
  isItemAnswered,
  moved,
  nextEmptyBlank,
  startingAnswers,
  withBlank,
  withBucket,
  withMatch,
} from './exercise-answers';

describe('exercise answers', () => {
  it('start with the tokens as shown, empty blanks, and nothing matched or sorted', () => {
    expect(startingAnswers(orderExercise())).toEqual({ i1: ['Utrecht', 'woon', 'Ik', 'in'], i2: ['eten', 'Wij', 'zes', 'om', 'uur'] });
    expect(startingAnswers(clozeExercise())).toEqual({ i1: [''], i2: ['', ''] });
    expect(startingAnswers(matchExercise())).toEqual({});
    expect(startingAnswers(bucketsExercise())).toEqual({});
  });

  it('move a token from one place to another, clamped to the sentence', () => {
    expect(moved(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moved(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 1, 9)).toEqual(['a', 'c', 'b']);
  });

  it('give each option to one item only, and list the options still free in the order shown', () => {
    const exercise = matchExercise();
    let answers = withMatch({}, 'i1', '9');
    answers = withMatch(answers, 'i2', '12');
    expect(freeOptions(exercise.options, answers)).toEqual(['20']);
    // The option moves to its new item and leaves the old one.
    answers = withMatch(answers, 'i3', '9');
    expect(answers).toEqual({ i2: '12', i3: '9' });
    expect(freeOptions(exercise.options, answers)).toEqual(['20']);
    expect(withMatch(answers, 'i2', null)).toEqual({ i3: '9' });
  });

  it('sort an item into a bucket and back', () => {
    const answers = withBucket(withBucket({}, 'i1', 'het'), 'i2', 'de');
    expect(answers).toEqual({ i1: 'het', i2: 'de' });
    expect(withBucket(answers, 'i1', null)).toEqual({ i2: 'de' });
  });

  it('fill a blank and find the next empty one, wrapping round', () => {
    const exercise = clozeExercise();
    expect(blanksOf(exercise)).toEqual([
      { itemId: 'i1', blank: 0 },
      { itemId: 'i2', blank: 0 },
      { itemId: 'i2', blank: 1 },
    ]);
    let answers = withBlank(startingAnswers(exercise), { itemId: 'i2', blank: 0 }, 'zaterdag', 2);
    expect(answers['i2']).toEqual(['zaterdag', '']);
    expect(nextEmptyBlank(exercise, answers, null)).toEqual({ itemId: 'i1', blank: 0 });
    expect(nextEmptyBlank(exercise, answers, { itemId: 'i2', blank: 0 })).toEqual({ itemId: 'i2', blank: 1 });
    answers = withBlank(answers, { itemId: 'i2', blank: 1 }, 'zondag', 2);
    expect(nextEmptyBlank(exercise, answers, { itemId: 'i2', blank: 1 })).toEqual({ itemId: 'i1', blank: 0 });
    answers = withBlank(answers, { itemId: 'i1', blank: 0 }, ' ben ', 1);
    expect(nextEmptyBlank(exercise, answers, null)).toBeNull();
  });

  it('send the answered items only, with typed text trimmed', () => {
    const cloze = clozeExercise();
    const answers = withBlank(startingAnswers(cloze), { itemId: 'i2', blank: 1 }, ' zondag ', 2);
    expect(isItemAnswered(cloze, answers['i1'])).toBe(false);
    expect(answeredCount(cloze, answers)).toBe(1);
    expect(attemptBody(cloze, answers)).toEqual({ answers: [{ itemId: 'i2', answer: ['', 'zondag'] }] });

    const buckets = bucketsExercise();
    expect(attemptBody(buckets, { i1: 'het' })).toEqual({ answers: [{ itemId: 'i1', answer: 'het' }] });
    const order = orderExercise();
    expect(answeredCount(order, startingAnswers(order))).toBe(2);
  });
});
