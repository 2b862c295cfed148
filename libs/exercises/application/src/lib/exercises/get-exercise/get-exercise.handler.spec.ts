import { generateWeeklyExercises, weeklyExerciseId, weekStartOf } from '@tall/exercises/domain';
import { ANNA, BORIS, CLOZE, exercisesFixture, NOW, refusalOf, WEEK_CARDS } from '../../../test-support/exercises-fixture';
import { ExercisesError } from '../../exercises-error';
import { GetExerciseHandler } from './get-exercise.handler';
import { GetExerciseQuery } from './get-exercise.query';

describe('GetExerciseHandler', () => {
  const setUp = async () => {
    const fixture = exercisesFixture();
    const exercises = generateWeeklyExercises({ userId: ANNA, week: '2026-W11', level: 'A1', words: WEEK_CARDS });
    await fixture.sets.insert({ userId: ANNA, week: '2026-W11', weekStart: weekStartOf('2026-W11'), level: 'A1', basis: 'week', exercises, createdAt: NOW });
    return { fixture, exercises, handler: new GetExerciseHandler(fixture.finder, fixture.students) };
  };

  it('gives an authored exercise without its answers', async () => {
    const { handler } = await setUp();
    const exercise = await handler.execute(new GetExerciseQuery(ANNA, CLOZE.id));
    expect(exercise).toMatchObject({ id: CLOZE.id, type: 'cloze', source: 'authored', level: 'B1', itemCount: 3, lastScore: null, wordBank: null });
    expect(JSON.stringify(exercise)).not.toMatch(/werkte|fietsten|kookte/);
  });

  it("gives the student's own weekly exercise, and refuses it to another student as an unknown one", async () => {
    const { handler, exercises } = await setUp();
    expect(await handler.execute(new GetExerciseQuery(ANNA, exercises[0].id))).toMatchObject({ id: exercises[0].id, source: 'weekly', type: exercises[0].type });
    const refusals = await Promise.all([
      refusalOf(handler.execute(new GetExerciseQuery(BORIS, exercises[0].id))),
      refusalOf(handler.execute(new GetExerciseQuery(ANNA, weeklyExerciseId(ANNA, '2026-W11', 9)))),
      refusalOf(handler.execute(new GetExerciseQuery(ANNA, weeklyExerciseId(ANNA, '2026-W10', 1)))),
      refusalOf(handler.execute(new GetExerciseQuery(ANNA, 'wk-not-a-week'))),
      refusalOf(handler.execute(new GetExerciseQuery(ANNA, 'no-such-exercise'))),
    ]);
    for (const refused of refusals) {
      expect(refused).toBeInstanceOf(ExercisesError);
      expect(refused).toMatchObject({ code: 'EXERCISE_NOT_FOUND' });
    }
  });
});
