import { parseWeeklyExerciseId, weeklyExerciseId, weekStartOf } from './weekly-ids';

const ANNA = '0b6f1c7e-5a2d-4e8f-9b3c-1d2e3f4a5b6c';
const BORIS = '1c7a2d8f-6b3e-4f9a-8c4d-2e3f4a5b6c7d';

describe('weekly exercise ids', () => {
  it('name the week and place, differ per student, and read back', () => {
    const id = weeklyExerciseId(ANNA, '2026-W11', 3);
    expect(id).toMatch(/^wk-2026-w11-3-[0-9a-f]{10}$/);
    expect(weeklyExerciseId(ANNA, '2026-W11', 3)).toBe(id);
    expect(weeklyExerciseId(BORIS, '2026-W11', 3)).not.toBe(id);
    expect(parseWeeklyExerciseId(id)).toEqual({ week: '2026-W11', place: 3 });
  });

  it('leave slugs and impossible weeks alone', () => {
    expect(parseWeeklyExerciseId('de-of-het-thuis')).toBeNull();
    expect(parseWeeklyExerciseId('wk-2026-w54-1-0123456789')).toBeNull();
    expect(parseWeeklyExerciseId('wk-2026-w11-0-0123456789')).toBeNull();
  });

  it('start a week on its Monday', () => {
    expect(weekStartOf('2026-W11')).toBe('2026-03-09');
    expect(weekStartOf('2026-W53')).toBe('2026-12-28');
  });
});
