import { EMPTY_ACTIVITY, NO_EXERCISES, NO_LISTENING, NO_READING, studentRecord, studentSummary, todayAt, type StudentRecordState } from './student-record';

const studentId = '6c1f3f7e-7d4c-4f47-9d0e-0a0a0a0a0a0a';
// Wednesday 2026-05-13, 10:00 in Amsterdam.
const at = todayAt(new Date('2026-05-13T08:00:00Z'));

const state = (overrides: Partial<StudentRecordState> = {}): StudentRecordState => ({
  studentId,
  activity: null,
  days: [],
  weeklyMastery: [],
  topics: [],
  learningCards: [],
  learningWeeks: [],
  results: [],
  texts: [],
  testAttempts: [],
  videos: [],
  videoQuestions: [],
  exerciseAttempts: [],
  ...overrides,
});

describe('student record and summary', () => {
  it('knows today and this week in Amsterdam', () => {
    expect(at).toMatchObject({ today: '2026-05-13', week: '2026-W20' });
  });

  it('is all zeros for a student without activity, with a 90-day series ending today', () => {
    const record = studentRecord(state(), at);
    expect(record.activity).toEqual({ firstActiveAt: null, lastActiveAt: null, daysActive: 0, streak: 0, inactive: true, inactiveDays: null });
    expect(record.reviews.perDay).toHaveLength(90);
    expect(record.reviews.perDay[89]).toEqual({ day: '2026-05-13', reviews: 0, correct: 0 });
    expect(record.reviews.perDay[0].day).toBe('2026-02-13');
    expect(record.reviews.accuracy).toBeNull();
    expect(record.learningCards).toEqual({ week: '2026-W20', cohortSize: 0, activeCohorts: ['2026-W20'], activeCards: 0, due: 0, done: 0, totalWords: 0 });
    expect(record.reading).toEqual({ completed: 0, attempts: 0, averageScore: null, lastAt: null, recent: [] });
    expect(record.texts).toEqual({ opened: 0, read: 0, readingSeconds: 0, lastReadAt: null });
    expect(record.readingTests).toEqual({ taken: 0, averageScore: null, recent: [] });
    expect(record.videos).toMatchObject({ started: 0, completed: 0, watchedSeconds: 0, questions: { asked: 0, answerRate: null }, recent: [] });
    expect(record.listening).toEqual({ completed: 0, attempts: 0, averageScore: null, lastAt: null, recent: [] });
    expect(record.exerciseAttempts).toEqual({ attempts: 0, exercisesDone: 0, averageScore: null, recent: [] });
  });

  it('computes streak, inactivity, accuracy and this week’s mastery from stored values at query time', () => {
    const activity = {
      ...EMPTY_ACTIVITY,
      firstActiveAt: new Date('2026-05-01T09:00:00Z'),
      lastActiveAt: new Date('2026-05-12T18:00:00Z'),
      daysActive: 5,
      runEndDay: '2026-05-12',
      runLength: 3,
      reviewsTotal: 8,
      reviewsCorrect: 6,
      thematicReviews: 5,
      learningReviews: 3,
      wordsSeen: 4,
      wordsMastered: 1,
    };
    const record = studentRecord(
      state({
        activity,
        days: [{ day: '2026-05-12', reviews: 5, correct: 4 }, { day: '2025-01-01', reviews: 9, correct: 9 }],
        weeklyMastery: [{ week: '2026-W20', gained: 2, lost: 1 }, { week: '2026-W19', gained: 5, lost: 0 }],
      }),
      at,
    );
    expect(record.activity).toMatchObject({ daysActive: 5, streak: 3, inactive: false, inactiveDays: 0 });
    expect(record.reviews).toMatchObject({ total: 8, correct: 6, accuracy: 0.75, thematic: 5, learning: 3 });
    expect(record.reviews.perDay.filter((day) => day.reviews > 0)).toEqual([{ day: '2026-05-12', reviews: 5, correct: 4 }]);
    expect(record.words).toEqual({ seen: 4, learning: 3, mastered: 1, masteredThisWeek: 1 });
    // Two days later the run has ended: no streak, and still active within seven days.
    const later = studentRecord(state({ activity }), todayAt(new Date('2026-05-14T23:30:00Z')));
    expect(later.activity).toMatchObject({ streak: 0, inactive: false, inactiveDays: 2 });
  });

  it('counts due and done cards of this week’s active cohorts only', () => {
    const cards = [
      { cohortWeek: '2026-W20', dueAt: null, lastAnsweredAt: null },
      { cohortWeek: '2026-W20', dueAt: new Date('2026-05-13T20:00:00Z'), lastAnsweredAt: new Date('2026-05-13T07:00:00Z') }, // due 22:00 today
      { cohortWeek: '2026-W20', dueAt: new Date('2026-05-13T22:30:00Z'), lastAnsweredAt: new Date('2026-05-12T07:00:00Z') }, // 00:30 tomorrow
      { cohortWeek: '2026-W18', dueAt: new Date('2026-05-01T10:00:00Z'), lastAnsweredAt: new Date('2026-05-13T06:00:00Z') },
      { cohortWeek: '2026-W12', dueAt: new Date('2026-05-01T10:00:00Z'), lastAnsweredAt: null },
    ];
    expect(studentRecord(state({ learningCards: cards }), at).learningCards).toEqual({
      week: '2026-W20', cohortSize: 3, activeCohorts: ['2026-W20'], activeCards: 3, due: 2, done: 1, totalWords: 5,
    });
    const rotated = studentRecord(state({ learningCards: cards, learningWeeks: [{ week: '2026-W20', activeCohorts: ['2026-W20', '2026-W18'], activeCards: 4 }] }), at);
    expect(rotated.learningCards).toEqual({ week: '2026-W20', cohortSize: 3, activeCohorts: ['2026-W18', '2026-W20'], activeCards: 4, due: 3, done: 2, totalWords: 5 });
  });

  it('summarises results per kind, most recent first', () => {
    const results = [
      { kind: 'reading' as const, itemId: 'text-1', attempts: 2, lastScore: 0.5, lastAt: new Date('2026-05-10T10:00:00Z') },
      { kind: 'reading' as const, itemId: 'text-2', attempts: 1, lastScore: 1, lastAt: new Date('2026-05-11T10:00:00Z') },
      { kind: 'exercise' as const, itemId: 'ex-1', attempts: 1, lastScore: 0.25, lastAt: new Date('2026-05-09T10:00:00Z') },
    ];
    const record = studentRecord(state({ results }), at);
    expect(record.reading).toEqual({
      completed: 2,
      attempts: 3,
      averageScore: 0.75,
      lastAt: '2026-05-11T10:00:00.000Z',
      recent: [
        { itemId: 'text-2', score: 1, attempts: 1, at: '2026-05-11T10:00:00.000Z' },
        { itemId: 'text-1', score: 0.5, attempts: 2, at: '2026-05-10T10:00:00.000Z' },
      ],
    });
    expect(record.exercises.completed).toBe(1);
    expect(record.listening.completed).toBe(0);
  });

  it('summarises a dashboard row', () => {
    expect(
      studentSummary(
        { ...EMPTY_ACTIVITY, studentId, status: 'disabled', masteredThisWeek: -1, lastActiveAt: new Date('2026-05-01T08:00:00Z'), reviewsTotal: 3, reviewsCorrect: 1, reading: NO_READING, listening: NO_LISTENING, exercises: NO_EXERCISES },
        at,
      ),
    ).toEqual({
      studentId, status: 'disabled', lastActiveAt: '2026-05-01T08:00:00.000Z', daysActive: 0, streak: 0, masteredThisWeek: -1, wordsMastered: 0, reviews: 3, accuracy: 1 / 3, inactive: true, inactiveDays: 12,
      textsRead: 0, testsTaken: 0, averageTestScore: null, lastTestScore: null, videosWatched: 0, answerRate: null, exercisesDone: 0, averageExerciseScore: null,
    });
  });

  it('shows the reader’s totals on a dashboard row, the last test in percent of its maximum', () => {
    const reading = { textsRead: 3, testsTaken: 2, averageTestScore: 72.5, lastTest: { score: 7, maxScore: 10 } };
    expect(studentSummary({ ...EMPTY_ACTIVITY, studentId, masteredThisWeek: 0, reading, listening: NO_LISTENING, exercises: NO_EXERCISES }, at)).toMatchObject({
      textsRead: 3, testsTaken: 2, averageTestScore: 72.5, lastTestScore: 70,
    });
  });

  it('adds the texts read and the test attempts to the record', () => {
    const record = studentRecord(
      state({
        texts: [
          { textId: 'a', readingSeconds: 300, finishedAt: new Date('2026-05-11T10:00:00Z'), lastReadAt: new Date('2026-05-11T10:00:00Z') },
          { textId: 'b', readingSeconds: 120, finishedAt: null, lastReadAt: new Date('2026-05-12T09:00:00Z') },
        ],
        testAttempts: [
          { attemptId: '00000000-0000-4000-8000-000000000001', textId: 'a', textTitle: 'De markt', level: 'A2', score: 3, maxScore: 4, at: new Date('2026-05-11T10:05:00Z') },
          { attemptId: '00000000-0000-4000-8000-000000000002', textId: 'a', textTitle: 'De markt', level: 'A2', score: 4, maxScore: 4, at: new Date('2026-05-12T10:05:00Z') },
        ],
      }),
      at,
    );
    expect(record.texts).toEqual({ opened: 2, read: 1, readingSeconds: 420, lastReadAt: '2026-05-12T09:00:00.000Z' });
    expect(record.readingTests).toMatchObject({ taken: 2, averageScore: 87.5 });
    expect(record.readingTests.recent.map((attempt) => [attempt.score, attempt.at])).toEqual([[4, '2026-05-12T10:05:00.000Z'], [3, '2026-05-11T10:05:00.000Z']]);
  });

  it('shows listening’s and exercises’ totals on a dashboard row: videos watched, answer rate, exercises done, their average', () => {
    const listening = { videosWatched: 2, questionsAsked: 8, questionsAnswered: 6 };
    const exercises = { exercisesDone: 3, averageScore: 62.5 };
    expect(studentSummary({ ...EMPTY_ACTIVITY, studentId, masteredThisWeek: 0, reading: NO_READING, listening, exercises }, at)).toMatchObject({
      videosWatched: 2, answerRate: 0.75, exercisesDone: 3, averageExerciseScore: 62.5,
    });
  });

  it('adds the videos, their questions and the exercise attempts to the record', () => {
    const record = studentRecord(
      state({
        videos: [{ videoId: 'markt', level: 'A1', watchedSeconds: 15.4, completedAt: new Date('2026-05-11T10:00:00Z'), lastWatchedAt: new Date('2026-05-11T10:00:00Z') }],
        videoQuestions: [
          { videoId: 'markt', questionId: 'q1', answers: 2, skips: 0, correct: true, lastAt: new Date('2026-05-11T09:59:00Z') },
          { videoId: 'markt', questionId: 'q2', answers: 0, skips: 1, correct: null, lastAt: new Date('2026-05-11T09:59:30Z') },
        ],
        exerciseAttempts: [
          { attemptId: '00000000-0000-4000-8000-000000000001', exerciseId: 'a1-order-1', exerciseType: 'order', level: 'A1', source: 'authored', score: 3, maxScore: 4, at: new Date('2026-05-12T10:00:00Z') },
        ],
      }),
      at,
    );
    expect(record.videos).toMatchObject({ started: 1, completed: 1, watchedSeconds: 15, questions: { asked: 2, answered: 1, correct: 1, answerRate: 0.5, correctRate: 1 } });
    expect(record.videos.recent).toEqual([{ videoId: 'markt', level: 'A1', completed: true, watchedSeconds: 15, asked: 2, answered: 1, correct: 1, lastAt: '2026-05-11T10:00:00.000Z' }]);
    expect(record.listening).toMatchObject({ completed: 1, attempts: 3, averageScore: 0.5 });
    expect(record.exerciseAttempts).toMatchObject({ attempts: 1, exercisesDone: 1, averageScore: 75 });
  });
});
