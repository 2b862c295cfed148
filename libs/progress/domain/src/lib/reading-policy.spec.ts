import { averageTestScore, newestAttemptsFirst, readingTests, RECENT_TEST_ATTEMPTS, testScorePercent, textsRead, type TestAttemptState } from './reading-policy';

const attempt = (index: number, score: number, maxScore: number, at: string, overrides: Partial<TestAttemptState> = {}): TestAttemptState => ({
  attemptId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  textId: `text-${index}`,
  textTitle: `Tekst ${index}`,
  level: 'A2',
  score,
  maxScore,
  at: new Date(at),
  ...overrides,
});

describe('reading policy', () => {
  it('gives a score in percent of its test’s maximum, without floating-point noise on whole percentages', () => {
    expect(testScorePercent(7, 10)).toBe(70);
    expect(testScorePercent(0, 3)).toBe(0);
    expect(testScorePercent(3, 3)).toBe(100);
    expect(testScorePercent(2, 3)).toBeCloseTo(66.667, 3);
  });

  it('averages over attempts, each weighing the same whatever its test’s maximum', () => {
    expect(averageTestScore([])).toBeNull();
    // 1/2 and 20/20: 75 %, not 21/22.
    expect(averageTestScore([{ score: 1, maxScore: 2 }, { score: 20, maxScore: 20 }])).toBe(75);
    // A retaken test counts once per attempt.
    expect(averageTestScore([{ score: 2, maxScore: 4 }, { score: 4, maxScore: 4 }, { score: 4, maxScore: 4 }])).toBeCloseTo(83.333, 3);
  });

  it('counts every text told about as opened, the finished ones as read, and adds each text’s own total of seconds', () => {
    expect(textsRead([])).toEqual({ opened: 0, read: 0, readingSeconds: 0, lastReadAt: null });
    expect(
      textsRead([
        { textId: 'a', readingSeconds: 600, finishedAt: new Date('2026-05-10T10:00:00Z'), lastReadAt: new Date('2026-05-10T10:00:00Z') },
        { textId: 'b', readingSeconds: 0, finishedAt: null, lastReadAt: new Date('2026-05-12T08:00:00Z') },
        { textId: 'c', readingSeconds: 95, finishedAt: null, lastReadAt: new Date('2026-05-11T08:00:00Z') },
      ]),
    ).toEqual({ opened: 3, read: 1, readingSeconds: 695, lastReadAt: '2026-05-12T08:00:00.000Z' });
  });

  it('lists the ten newest attempts, newest first, ties broken by attempt id as the store orders them', () => {
    const attempts = Array.from({ length: 12 }, (_, index) => attempt(index + 1, index % 5, 4, `2026-05-${String(index + 1).padStart(2, '0')}T10:00:00Z`));
    const shuffled = [...attempts].reverse().sort((a, b) => a.score - b.score);
    const tests = readingTests(shuffled);
    expect(tests.taken).toBe(12);
    expect(tests.recent).toHaveLength(RECENT_TEST_ATTEMPTS);
    expect(tests.recent.map((shown) => shown.textId)).toEqual(['text-12', 'text-11', 'text-10', 'text-9', 'text-8', 'text-7', 'text-6', 'text-5', 'text-4', 'text-3']);
    expect(tests.recent[0]).toEqual({
      attemptId: '00000000-0000-4000-8000-000000000012', textId: 'text-12', textTitle: 'Tekst 12', level: 'A2', score: 1, maxScore: 4, at: '2026-05-12T10:00:00.000Z',
    });
    const tie = '2026-05-20T10:00:00Z';
    expect(newestAttemptsFirst([attempt(1, 1, 4, tie), attempt(3, 1, 4, tie), attempt(2, 1, 4, tie)]).map((shown) => shown.attemptId.slice(-1))).toEqual(['3', '2', '1']);
  });

  it('gives the same figures whatever order the attempts and texts are read in', () => {
    const attempts = [attempt(1, 3, 4, '2026-05-10T10:00:00Z'), attempt(2, 1, 5, '2026-05-11T10:00:00Z', { level: null }), attempt(3, 7, 7, '2026-05-09T10:00:00Z')];
    expect(readingTests([...attempts].reverse())).toEqual(readingTests(attempts));
  });
});
