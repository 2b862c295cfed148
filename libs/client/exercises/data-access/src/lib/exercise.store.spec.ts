import { createTallApi } from '@tall/client/api';
import { FakeApi, json } from '@tall/client/api/testing';
import { attemptResult, clozeExercise, matchExercise, orderExercise } from '../testing/exercises-fixture';
import { createExerciseStore } from './exercise.store';
import { createExercisesApi } from './exercises-api';
import type { PublicExercise } from './exercise-types';

const EXERCISE = (id: string) => `/api/v1/exercises/${id}`;

function setup(...exercises: PublicExercise[]) {
  const fake = new FakeApi();
  for (const exercise of exercises) fake.on('GET', EXERCISE(exercise.id), () => json(200, exercise));
  return { fake, store: createExerciseStore(createExercisesApi(createTallApi('http://tall.test', fake.fetch))) };
}

describe('the exercise store', () => {
  it('loads an exercise with its starting answers, and says so when there is none', async () => {
    const { store } = setup(orderExercise());
    await store.getState().load('zinnen');
    expect(store.getState()).toMatchObject({ loading: false, missing: false, answers: { i1: ['Utrecht', 'woon', 'Ik', 'in'] } });
    await store.getState().load('wk-2026-W02-1-other');
    expect(store.getState()).toMatchObject({ exercise: null, missing: true, problem: null });
  });

  it('moves tokens, matches options and fills blanks by the type’s moves', async () => {
    const { store } = setup(orderExercise(), matchExercise(), clozeExercise());
    await store.getState().load('zinnen');
    store.getState().moveToken('i1', 2, 0);
    expect(store.getState().answers['i1']).toEqual(['Ik', 'Utrecht', 'woon', 'in']);

    await store.getState().load('getallen');
    store.getState().match('i1', '9');
    store.getState().match('i2', '9');
    expect(store.getState().answers).toEqual({ i2: '9' });

    await store.getState().load('zijn');
    store.getState().fill({ itemId: 'i2', blank: 1 }, 'zondag');
    store.getState().fill({ itemId: 'nope', blank: 0 }, 'ben');
    expect(store.getState().answers).toEqual({ i1: [''], i2: ['', 'zondag'] });
  });

  it('hands the attempt in, keeps the marks and the latest score, locks the answers and starts again', async () => {
    const { store, fake } = setup(matchExercise());
    const marks = attemptResult({ i1: '9', i2: '12', i3: '20' }, ['i1']);
    fake.on('POST', `${EXERCISE('getallen')}/attempts`, () => json(201, marks));
    await store.getState().load('getallen');
    store.getState().match('i1', '9');
    store.getState().match('i2', '20');

    expect(await store.getState().submit()).toEqual(marks);
    expect(fake.requests.at(-1)?.body).toEqual({
      answers: [
        { itemId: 'i1', answer: '9' },
        { itemId: 'i2', answer: '20' },
      ],
    });
    expect(store.getState().exercise?.lastScore).toEqual({ score: 1, maxScore: 3, at: marks.at });
    store.getState().match('i3', '12');
    expect(store.getState().answers).toEqual({ i1: '9', i2: '20' });

    store.getState().again();
    expect(store.getState()).toMatchObject({ result: null, answers: {} });
  });

  it('keeps the answers and explains a refused attempt', async () => {
    const { store, fake } = setup(orderExercise());
    fake.on('POST', `${EXERCISE('zinnen')}/attempts`, () => json(422, { statusCode: 422, code: 'INVALID_ANSWER', message: 'no' }));
    await store.getState().load('zinnen');
    store.getState().moveToken('i1', 0, 3);
    expect(await store.getState().submit()).toBeNull();
    expect(store.getState()).toMatchObject({ submitting: false, result: null, answers: { i1: ['woon', 'Ik', 'in', 'Utrecht'] } });
    expect(store.getState().problem?.code).toBe('INVALID_ANSWER');
  });
});
