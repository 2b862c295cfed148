import { exerciseAttempts, RECENT_EXERCISE_ATTEMPTS, type ExerciseAttemptState } from './exercise-policy';

const attempt = (index: number, exerciseId: string, score: number, maxScore: number, at: string, overrides: Partial<ExerciseAttemptState> = {}): ExerciseAttemptState => ({
  attemptId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  exerciseId,
  exerciseType: 'cloze',
  level: 'A1',
  source: 'authored',
  score,
  maxScore,
  at: new Date(at),
  ...overrides,
});

describe('exercise policy', () => {
  it('is empty without attempts', () => {
    expect(exerciseAttempts([])).toEqual({ attempts: 0, exercisesDone: 0, averageScore: null, recent: [] });
  });

  it('counts every attempt, the distinct exercises done, and averages the attempts’ percentages', () => {
    const attempts = [
      attempt(1, 'a1-cloze-1', 2, 4, '2026-05-10T10:00:00Z'),
      attempt(2, 'a1-cloze-1', 4, 4, '2026-05-10T10:05:00Z'), // the same exercise again
      attempt(3, 'a2-match-1', 3, 10, '2026-05-11T10:00:00Z', { exerciseType: 'match', level: 'A2' }),
    ];
    const shown = exerciseAttempts(attempts);
    expect(shown).toMatchObject({ attempts: 3, exercisesDone: 2 });
    // Each attempt weighs the same: (50 + 100 + 30) / 3, not 9 / 18.
    expect(shown.averageScore).toBe(60);
    expect(shown.recent[0]).toEqual({
      attemptId: '00000000-0000-4000-8000-000000000003', exerciseId: 'a2-match-1', type: 'match', level: 'A2', source: 'authored', score: 3, maxScore: 10, at: '2026-05-11T10:00:00.000Z',
    });
  });

  it('lists the ten newest attempts, newest first, whatever order they were read in', () => {
    const attempts = Array.from({ length: 12 }, (_, index) => attempt(index + 1, `ex-${index % 4}`, index % 3, 3, `2026-05-${String(index + 1).padStart(2, '0')}T10:00:00Z`));
    const shown = exerciseAttempts([...attempts].reverse());
    expect(shown.recent).toHaveLength(RECENT_EXERCISE_ATTEMPTS);
    expect(shown.recent.map((recent) => recent.at.slice(0, 10))).toEqual(
      ['12', '11', '10', '09', '08', '07', '06', '05', '04', '03'].map((day) => `2026-05-${day}`),
    );
    expect(shown.exercisesDone).toBe(4);
    expect(exerciseAttempts(attempts)).toEqual(shown);
  });
});
