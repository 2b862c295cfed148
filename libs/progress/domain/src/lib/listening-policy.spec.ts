import { answerRate, answerVerdict, listeningSlot, RECENT_VIDEOS, videoQuestions, videosWatched, type VideoQuestionState, type VideoWatchState } from './listening-policy';

const video = (videoId: string, overrides: Partial<VideoWatchState> = {}): VideoWatchState => ({
  videoId,
  level: 'A1',
  watchedSeconds: 0,
  completedAt: null,
  lastWatchedAt: new Date('2026-05-10T10:00:00Z'),
  ...overrides,
});

const question = (videoId: string, questionId: string, overrides: Partial<VideoQuestionState> = {}): VideoQuestionState => ({
  videoId,
  questionId,
  answers: 1,
  skips: 0,
  correct: true,
  lastAt: new Date('2026-05-10T10:05:00Z'),
  ...overrides,
});

describe('listening policy', () => {
  it('grades an answer as listening did: a skip is a skip, anything not right is wrong', () => {
    expect(answerVerdict({ correct: true, skipped: false })).toBe('correct');
    expect(answerVerdict({ correct: false, skipped: false })).toBe('wrong');
    expect(answerVerdict({ correct: null, skipped: true })).toBe('skipped');
    // Inconsistent, but possible under the contract: the skip decides, an ungraded answer is not right.
    expect(answerVerdict({ correct: true, skipped: true })).toBe('skipped');
    expect(answerVerdict({ correct: null, skipped: false })).toBe('wrong');
  });

  it('counts each question once: answered when not only skipped, right by its latest answer', () => {
    expect(videoQuestions([])).toEqual({ asked: 0, answered: 0, correct: 0, answerRate: null, correctRate: null });
    const questions = [
      question('markt', 'q1', { answers: 2, correct: true }), // wrong, then right
      question('markt', 'q2', { answers: 1, skips: 1, correct: false }), // skipped, then answered wrong
      question('markt', 'q3', { answers: 0, skips: 2, correct: null }), // only skipped
      question('trein', 'q1', { answers: 1, correct: true }),
    ];
    expect(videoQuestions(questions)).toEqual({ asked: 4, answered: 3, correct: 2, answerRate: 0.75, correctRate: 2 / 3 });
    expect(videoQuestions([question('markt', 'q3', { answers: 0, skips: 1, correct: null })])).toEqual({ asked: 1, answered: 0, correct: 0, answerRate: 0, correctRate: null });
    expect(answerRate(0, 0)).toBeNull();
    expect(answerRate(4, 1)).toBe(0.25);
  });

  it('counts every video told about as started, the completed ones as watched, and adds each video’s own total of seconds', () => {
    const watched = videosWatched(
      [
        video('markt', { watchedSeconds: 14.5, completedAt: new Date('2026-05-10T10:00:00Z'), lastWatchedAt: new Date('2026-05-10T10:00:00Z') }),
        video('trein', { watchedSeconds: 6.2, lastWatchedAt: new Date('2026-05-12T08:00:00Z') }),
        video('weer', { level: 'A2' }),
      ],
      [],
    );
    expect(watched).toMatchObject({ started: 3, completed: 1, watchedSeconds: 21, lastWatchedAt: '2026-05-12T08:00:00.000Z' });
    expect(videosWatched([], [])).toEqual({
      started: 0,
      completed: 0,
      watchedSeconds: 0,
      lastWatchedAt: null,
      questions: { asked: 0, answered: 0, correct: 0, answerRate: null, correctRate: null },
      recent: [],
    });
  });

  it('lists the ten most recent videos, watched or only answered, with their questions, newest first', () => {
    const videos = Array.from({ length: 11 }, (_, index) => video(`v${String(index).padStart(2, '0')}`, { lastWatchedAt: new Date(Date.UTC(2026, 4, 1 + index, 10)) }));
    const questions = [
      question('v00', 'q1', { lastAt: new Date('2026-05-20T10:00:00Z') }), // an old video answered lately comes first
      question('v00', 'q2', { answers: 0, skips: 1, correct: null, lastAt: new Date('2026-05-20T09:00:00Z') }),
      question('answered-only', 'q1', { correct: false, lastAt: new Date('2026-05-19T10:00:00Z') }),
    ];
    const { recent } = videosWatched([...videos].reverse(), questions);
    expect(recent).toHaveLength(RECENT_VIDEOS);
    expect(recent.map((shown) => shown.videoId)).toEqual(['v00', 'answered-only', 'v10', 'v09', 'v08', 'v07', 'v06', 'v05', 'v04', 'v03']);
    expect(recent[0]).toEqual({ videoId: 'v00', level: 'A1', completed: false, watchedSeconds: 0, asked: 2, answered: 1, correct: 1, lastAt: '2026-05-20T10:00:00.000Z' });
    expect(recent[1]).toEqual({ videoId: 'answered-only', level: null, completed: false, watchedSeconds: 0, asked: 1, answered: 1, correct: 0, lastAt: '2026-05-19T10:00:00.000Z' });
  });

  it('fills the listening slot by video: the share of its questions answered right, every answer and skip an attempt', () => {
    expect(listeningSlot([])).toEqual({ completed: 0, attempts: 0, averageScore: null, lastAt: null, recent: [] });
    const slot = listeningSlot([
      question('markt', 'q1', { answers: 2, correct: true, lastAt: new Date('2026-05-10T10:01:00Z') }),
      question('markt', 'q2', { answers: 1, correct: true, lastAt: new Date('2026-05-10T10:02:00Z') }),
      question('markt', 'q3', { answers: 0, skips: 1, correct: null, lastAt: new Date('2026-05-10T10:03:00Z') }),
      question('trein', 'q1', { answers: 1, correct: false, lastAt: new Date('2026-05-11T10:00:00Z') }),
    ]);
    expect(slot).toEqual({
      completed: 2,
      attempts: 5,
      averageScore: (2 / 3 + 0) / 2,
      lastAt: '2026-05-11T10:00:00.000Z',
      recent: [
        { itemId: 'trein', score: 0, attempts: 1, at: '2026-05-11T10:00:00.000Z' },
        { itemId: 'markt', score: 2 / 3, attempts: 4, at: '2026-05-10T10:03:00.000Z' },
      ],
    });
  });

  it('gives the same figures whatever order the rows are read in', () => {
    const videos = [video('a', { watchedSeconds: 3.3, lastWatchedAt: new Date('2026-05-10T10:00:00Z') }), video('b', { watchedSeconds: 4.4, lastWatchedAt: new Date('2026-05-10T10:00:00Z') })];
    const questions = [question('a', 'q1'), question('b', 'q1', { correct: false }), question('b', 'q2', { answers: 0, skips: 1, correct: null })];
    expect(videosWatched([...videos].reverse(), [...questions].reverse())).toEqual(videosWatched(videos, questions));
    expect(listeningSlot([...questions].reverse())).toEqual(listeningSlot(questions));
  });
});
