import { ExerciseCompleted } from '@tall/exercises/contracts';
import { generateWeeklyExercises, weekStartOf } from '@tall/exercises/domain';
import { ANNA, BORIS, BUCKETS, CLOZE, exercisesFixture, NOW, ORDER, refusalOf, WEEK_CARDS, type ExercisesFixture } from '../../../test-support/exercises-fixture';
import { SubmitExerciseAttemptCommand } from './submit-attempt.command';
import { SubmitExerciseAttemptHandler } from './submit-attempt.handler';

describe('SubmitExerciseAttemptHandler', () => {
  let fixture: ExercisesFixture;
  let handler: SubmitExerciseAttemptHandler;
  const submit = (userId: string, exerciseId: string, answers: SubmitExerciseAttemptCommand['body']['answers']) => handler.execute(new SubmitExerciseAttemptCommand(userId, exerciseId, { answers }));

  beforeEach(() => {
    fixture = exercisesFixture();
    handler = new SubmitExerciseAttemptHandler(fixture.finder, fixture.students, fixture.clock.read);
  });

  it('grades on the server, keeps the attempt and publishes exercise.completed without any answer', async () => {
    const result = await submit(ANNA, CLOZE.id, [
      { itemId: 'i1', answer: ['Werkte'] },
      { itemId: 'i2', answer: ['fietste'] },
    ]);
    expect(result).toEqual({
      id: expect.any(String),
      score: 1,
      maxScore: 3,
      results: [
        { itemId: 'i1', correct: true, expected: ['werkte'] },
        { itemId: 'i2', correct: false, expected: ['fietsten'] },
        { itemId: 'i3', correct: false, expected: ['kookte'] },
      ],
      at: NOW.toISOString(),
    });
    expect(fixture.students.attempts).toEqual([
      expect.objectContaining({ id: result.id, userId: ANNA, exerciseId: CLOZE.id, source: 'authored', weekStart: null, type: 'cloze', level: 'B1', score: 1, maxScore: 3, at: NOW }),
    ]);
    const [event] = fixture.students.eventsOf(ExerciseCompleted.type);
    expect(event).toMatchObject({ key: ANNA, actorId: ANNA });
    expect(event.payload).toEqual({ userId: ANNA, attemptId: result.id, exerciseId: CLOZE.id, type: 'cloze', level: 'B1', source: 'authored', score: 1, maxScore: 3, at: NOW.toISOString() });
    expect(JSON.stringify(event)).not.toMatch(/werkte|fietste/i);
  });

  it("grades a weekly exercise of the student's own set, with its week", async () => {
    const exercises = generateWeeklyExercises({ userId: ANNA, week: '2026-W11', level: 'A1', words: WEEK_CARDS });
    await fixture.sets.insert({ userId: ANNA, week: '2026-W11', weekStart: weekStartOf('2026-W11'), level: 'A1', basis: 'week', exercises, createdAt: NOW });
    const buckets = exercises.find((exercise) => exercise.type === 'buckets');
    if (buckets?.type !== 'buckets') throw new Error('no de/het exercise');
    const result = await submit(
      ANNA,
      buckets.id,
      buckets.items.map((item) => ({ itemId: item.id, answer: item.bucket })),
    );
    expect(result).toMatchObject({ score: buckets.items.length, maxScore: buckets.items.length });
    expect(fixture.students.eventsOf(ExerciseCompleted.type)[0].payload).toMatchObject({ exerciseId: buckets.id, source: 'weekly', weekStart: '2026-03-09', type: 'buckets', level: 'A1' });
    expect(await refusalOf(submit(BORIS, buckets.id, []))).toMatchObject({ code: 'EXERCISE_NOT_FOUND' });
  });

  it.each([
    ['an answer of the wrong shape for the type', BUCKETS.id, [{ itemId: 'i1', answer: ['het'] }], 'ANSWER_SHAPE_MISMATCH'],
    ['a text for an order item', ORDER.id, [{ itemId: 'i1', answer: 'Ik begin om negen uur' }], 'ANSWER_SHAPE_MISMATCH'],
    ['an item the exercise lacks', BUCKETS.id, [{ itemId: 'i9', answer: 'het' }], 'INVALID_ANSWER'],
    ['a bucket that is not there', BUCKETS.id, [{ itemId: 'i1', answer: 'den' }], 'INVALID_ANSWER'],
    ['tokens the item does not have', ORDER.id, [{ itemId: 'i1', answer: ['Ik', 'begin', 'om', 'tien', 'uur'] }], 'INVALID_ANSWER'],
    [
      'an item answered twice',
      BUCKETS.id,
      [
        { itemId: 'i1', answer: 'het' },
        { itemId: 'i1', answer: 'de' },
      ],
      'INVALID_ANSWER',
    ],
  ])('refuses %s, keeping nothing', async (_case, exerciseId, answers, code) => {
    expect(await refusalOf(submit(ANNA, exerciseId, answers))).toMatchObject({ code });
    expect(fixture.students.attempts).toEqual([]);
    expect(fixture.students.events).toEqual([]);
  });

  it('refuses an exercise that does not exist', async () => {
    expect(await refusalOf(submit(ANNA, 'nowhere', []))).toMatchObject({ code: 'EXERCISE_NOT_FOUND' });
  });
});
