import { TestCompleted } from '@tall/reader/contracts';
import { ANNA, libraryText, QUESTIONS, readerFixture, refusalOf, type ReaderFixture } from '../../../test-support/reader-fixture';
import { ReaderError } from '../../reader-error';
import { SubmitAttemptCommand } from './submit-attempt.command';
import { SubmitAttemptHandler } from './submit-attempt.handler';

const RIGHT_ORDER = ['Hij woont in een huis.', 'Hij fietst naar zijn werk.', 'De buurman is blij.'];

describe('SubmitAttemptHandler', () => {
  let fixture: ReaderFixture;
  let handler: SubmitAttemptHandler;
  const submit = (answers: SubmitAttemptCommand['body']['answers'], textId = 'tested') => handler.execute(new SubmitAttemptCommand(ANNA, textId, { answers }));

  beforeEach(() => {
    fixture = readerFixture();
    handler = new SubmitAttemptHandler(fixture.texts, fixture.reading, fixture.clock.read);
    fixture.library.add(libraryText({ id: 'tested', title: 'De buurman', level: 'B1', source: 'test', version: 4, test: { questions: QUESTIONS } }));
  });

  it('grades on the server, keeps the attempt and publishes test.completed with title and score', async () => {
    const result = await submit([
      { questionId: 'q1', answer: 0 },
      { questionId: 'q2', answer: true },
      { questionId: 'q3', answer: 'Vrolijk.' },
      { questionId: 'q4', answer: RIGHT_ORDER },
    ]);
    expect(result).toEqual({
      id: expect.any(String),
      score: 3,
      maxScore: 4,
      results: [
        { questionId: 'q1', correct: true, expected: 'In een huis' },
        { questionId: 'q2', correct: false, expected: false },
        { questionId: 'q3', correct: true, expected: 'blij' },
        { questionId: 'q4', correct: true, expected: RIGHT_ORDER },
      ],
      at: fixture.clock.now.toISOString(),
    });
    expect(fixture.reading.attempts).toEqual([expect.objectContaining({ id: result.id, userId: ANNA, textId: 'tested', textVersion: 4, score: 3, maxScore: 4, at: fixture.clock.now })]);
    const events = fixture.reading.eventsOf(TestCompleted.type);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      key: ANNA,
      payload: { userId: ANNA, attemptId: result.id, textId: 'tested', textTitle: 'De buurman', level: 'B1', score: 3, maxScore: 4, at: fixture.clock.now.toISOString() },
    });
  });

  it('counts unanswered questions as wrong', async () => {
    const result = await submit([{ questionId: 'q3', answer: 'blij' }]);
    expect(result).toMatchObject({ score: 1, maxScore: 4 });
    expect(result.results.filter((question) => !question.correct).map((question) => question.questionId)).toEqual(['q1', 'q2', 'q4']);
    expect(fixture.reading.eventsOf(TestCompleted.type)[0].payload).toMatchObject({ score: 1, maxScore: 4 });
  });

  it.each([
    ['a question the test lacks', [{ questionId: 'q9', answer: 0 }]],
    ['an option that is not there', [{ questionId: 'q1', answer: 7 }]],
    ['the wrong kind of answer', [{ questionId: 'q2', answer: 'nee' }]],
    ['a question answered twice', [{ questionId: 'q1', answer: 0 }, { questionId: 'q1', answer: 1 }]],
  ])('refuses %s as INVALID_ANSWER, storing nothing', async (_case, answers) => {
    const refused = await refusalOf(submit(answers));
    expect(refused).toBeInstanceOf(ReaderError);
    expect(refused).toMatchObject({ code: 'INVALID_ANSWER' });
    expect(fixture.reading.attempts).toEqual([]);
    expect(fixture.reading.events).toEqual([]);
  });

  it('refuses a text without a test', async () => {
    fixture.library.add(libraryText({ id: 'untested' }));
    expect(await refusalOf(submit([{ questionId: 'q1', answer: 0 }], 'untested'))).toMatchObject({ code: 'TEST_NOT_FOUND' });
    expect(await refusalOf(submit([], 'nowhere'))).toMatchObject({ code: 'TEXT_NOT_FOUND' });
    expect(fixture.reading.events).toEqual([]);
  });
});
