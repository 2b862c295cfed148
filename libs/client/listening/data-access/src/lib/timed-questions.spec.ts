import { videoView } from '../testing/listening-fixture';
import { clockTime, questionCrossed, startPosition, viewingSummary } from './timed-questions';

const { questions } = videoView();

describe('timed questions', () => {
  it('asks the first unanswered question the player passed while playing', () => {
    expect(questionCrossed(questions, {}, 4.1, 4.35)?.id).toBe('q1');
    expect(questionCrossed(questions, {}, 4.32, 4.6)).toBeNull();
    expect(questionCrossed(questions, { q1: { questionId: 'q1', correct: true, skipped: false } }, 4.1, 4.35)).toBeNull();
    expect(questionCrossed(questions, { q1: { questionId: 'q1', correct: null, skipped: true } }, 4.1, 4.35)).toBeNull();
  });

  it('stops a seek forward at the first question it would jump, and asks nothing going back', () => {
    expect(questionCrossed(questions, {}, 1, 12)?.id).toBe('q1');
    expect(questionCrossed(questions, { q1: { questionId: 'q1', correct: false, skipped: false } }, 1, 18)?.id).toBe('q2');
    expect(questionCrossed(questions, {}, 12, 4)).toBeNull();
  });

  it('sums up answered, right and skipped', () => {
    const marks = {
      q1: { questionId: 'q1', correct: true, skipped: false },
      q2: { questionId: 'q2', correct: false, skipped: false },
      q3: { questionId: 'q3', correct: null, skipped: true },
      gone: { questionId: 'gone', correct: true, skipped: false },
    };
    expect(viewingSummary(questions, marks)).toEqual({ questions: 3, answered: 2, correct: 1, skipped: 1 });
    expect(viewingSummary(questions, {})).toEqual({ questions: 3, answered: 0, correct: 0, skipped: 0 });
  });

  it('resumes where the student was, from the start when never watched or watched to the end', () => {
    const position = (positionSeconds: number) => ({ positionSeconds, watchedSeconds: 5, completed: false, updatedAt: '2026-01-05T10:00:00.000Z' });
    expect(startPosition({ durationSeconds: 18.72, position: null })).toBe(0);
    expect(startPosition({ durationSeconds: 18.72, position: position(7.5) })).toBe(7.5);
    expect(startPosition({ durationSeconds: 18.72, position: position(18.5) })).toBe(0);
  });

  it('writes durations as a clock does', () => {
    expect([clockTime(0), clockTime(18.72), clockTime(65), clockTime(3723)]).toEqual(['0:00', '0:18', '1:05', '1:02:03']);
  });
});
