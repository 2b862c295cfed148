import { createTallApi } from '@tall/client/api';
import { FakeApi, json } from '@tall/client/api/testing';
import { createReaderApi } from './reader-api';
import type { ReaderTest } from './reader-types';
import { createTestStore, isAnswered } from './test.store';

const TEST = '/api/v1/reader/texts/text-1/test';

const test: ReaderTest = {
  textId: 'text-1',
  title: 'Bellen',
  questions: [
    { id: 'q1', type: 'multipleChoice', prompt: 'Wie belt hij?', options: ['Zijn vader', 'Zijn moeder'] },
    { id: 'q2', type: 'trueFalse', statement: 'Zij woont in Utrecht.' },
    { id: 'q3', type: 'shortAnswer', prompt: 'Waar woont zij?' },
    { id: 'q4', type: 'order', prompt: 'Zet in de goede volgorde.', items: ['bellen', 'praten', 'ophangen'] },
  ],
  attempts: [{ id: '7d1c0a4e-0000-4000-8000-000000000001', score: 2, maxScore: 4, at: '2026-01-04T10:00:00.000Z' }],
};

function setup() {
  const fake = new FakeApi().on('GET', TEST, () => json(200, test));
  return { fake, store: createTestStore(createReaderApi(createTallApi('http://tall.test', fake.fetch))) };
}

describe('the test store', () => {
  it('knows which answers the API will take', () => {
    const [choice, trueFalse, short, order] = test.questions;
    expect([isAnswered(choice, 1), isAnswered(choice, 2), isAnswered(choice, undefined)]).toEqual([true, false, false]);
    expect([isAnswered(trueFalse, false), isAnswered(trueFalse, 'false')]).toEqual([true, false]);
    expect([isAnswered(short, ' Utrecht '), isAnswered(short, '   ')]).toEqual([true, false]);
    expect([isAnswered(order, ['a', 'b', 'c']), isAnswered(order, ['a'])]).toEqual([true, false]);
  });

  it('loads the questions with an order question in the order shown', async () => {
    const { store } = setup();
    await store.getState().load('text-1');
    expect(store.getState().answers).toEqual({ q4: ['bellen', 'praten', 'ophangen'] });
  });

  it('says so when the text has no test', async () => {
    const { store } = setup();
    await store.getState().load('text-2');
    expect(store.getState()).toMatchObject({ missing: true, problem: null, test: null });
  });

  it('submits the answers, shows the marks and puts the attempt first among the earlier ones', async () => {
    const { store, fake } = setup();
    const result = {
      id: '7d1c0a4e-0000-4000-8000-000000000002',
      score: 3,
      maxScore: 4,
      at: '2026-01-05T10:00:00.000Z',
      results: [
        { questionId: 'q1', correct: true, expected: 'Zijn moeder' },
        { questionId: 'q2', correct: true, expected: true },
        { questionId: 'q3', correct: true, expected: 'Utrecht' },
        { questionId: 'q4', correct: false, expected: ['bellen', 'praten', 'ophangen'] },
      ],
    };
    fake.on('POST', `${TEST}/attempts`, () => json(201, result));
    await store.getState().load('text-1');
    store.getState().answer('q1', 1);
    store.getState().answer('q2', true);
    store.getState().answer('q3', '  Utrecht ');
    store.getState().answer('q4', ['praten', 'bellen', 'ophangen']);

    expect(await store.getState().submit()).toEqual(result);
    expect(fake.requests.at(-1)?.body).toEqual({
      answers: [
        { questionId: 'q1', answer: 1 },
        { questionId: 'q2', answer: true },
        { questionId: 'q3', answer: 'Utrecht' },
        { questionId: 'q4', answer: ['praten', 'bellen', 'ophangen'] },
      ],
    });
    expect(store.getState().test?.attempts.map((attempt) => attempt.score)).toEqual([3, 2]);

    // Marked answers stay as they were until the student starts again.
    store.getState().answer('q1', 0);
    expect(store.getState().answers['q1']).toBe(1);
    store.getState().again();
    expect(store.getState()).toMatchObject({ result: null, answers: { q4: ['bellen', 'praten', 'ophangen'] } });
  });

  it('keeps the answers and explains a refused attempt', async () => {
    const { store, fake } = setup();
    fake.on('POST', `${TEST}/attempts`, () => json(400, { statusCode: 400, code: 'VALIDATION_FAILED', message: 'bad', details: { fields: [{ field: 'answers.0.answer', message: 'bad' }] } }));
    await store.getState().load('text-1');
    store.getState().answer('q1', 0);
    expect(await store.getState().submit()).toBeNull();
    expect(store.getState()).toMatchObject({ submitting: false, result: null, answers: { q1: 0 } });
    expect(store.getState().problem?.code).toBe('VALIDATION_FAILED');
  });
});
