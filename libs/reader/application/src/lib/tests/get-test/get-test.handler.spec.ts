import { ANNA, BORIS, libraryText, ownText, QUESTIONS, readerFixture, refusalOf, type ReaderFixture } from '../../../test-support/reader-fixture';
import { SubmitAttemptCommand } from '../submit-attempt/submit-attempt.command';
import { SubmitAttemptHandler } from '../submit-attempt/submit-attempt.handler';
import { GetTestQuery } from './get-test.query';
import { GetTestHandler } from './get-test.handler';

describe('GetTestHandler', () => {
  let fixture: ReaderFixture;
  let handler: GetTestHandler;
  const getTest = (textId: string, userId = ANNA) => handler.execute(new GetTestQuery(userId, textId));

  beforeEach(() => {
    fixture = readerFixture();
    handler = new GetTestHandler(fixture.texts, fixture.reading);
    fixture.library.add(libraryText({ id: 'tested', title: 'De buurman', source: 'test', version: 2, test: { questions: QUESTIONS } }));
  });

  it('gives the questions without their answers, the order events shuffled', async () => {
    const test = await getTest('tested');
    expect(test).toMatchObject({ textId: 'tested', title: 'De buurman', attempts: [] });
    expect(test.questions.map((question) => [question.id, question.type])).toEqual([
      ['q1', 'multipleChoice'],
      ['q2', 'trueFalse'],
      ['q3', 'shortAnswer'],
      ['q4', 'order'],
    ]);
    expect(test.questions[0]).toEqual({ id: 'q1', type: 'multipleChoice', prompt: 'Waar woont de man?', options: ['In een huis', 'In een boot', 'In een tent'] });
    const serialized = JSON.stringify(test.questions);
    expect(serialized).not.toMatch(/"answers?"/);
    expect(serialized).not.toContain('vrolijk');
    const order = test.questions[3];
    if (order.type !== 'order') throw new Error('q4 is an order question');
    const items = QUESTIONS[3].type === 'order' ? QUESTIONS[3].items : [];
    expect([...order.items].sort()).toEqual([...items].sort());
    expect(order.items).not.toEqual(items);
    // The same for every request of this version.
    expect((await getTest('tested')).questions).toEqual(test.questions);
  });

  it("lists the student's own attempts, newest first", async () => {
    const submit = new SubmitAttemptHandler(fixture.texts, fixture.reading, fixture.clock.read);
    const first = await submit.execute(new SubmitAttemptCommand(ANNA, 'tested', { answers: [{ questionId: 'q1', answer: 0 }] }));
    fixture.clock.advance(60_000);
    const second = await submit.execute(new SubmitAttemptCommand(ANNA, 'tested', { answers: [{ questionId: 'q2', answer: false }, { questionId: 'q1', answer: 0 }] }));
    await submit.execute(new SubmitAttemptCommand(BORIS, 'tested', { answers: [] }));
    expect((await getTest('tested')).attempts).toEqual([
      { id: second.id, score: 2, maxScore: 4, at: second.at },
      { id: first.id, score: 1, maxScore: 4, at: first.at },
    ]);
  });

  it('refuses a text without a test, and a text the student may not read', async () => {
    fixture.library.add(libraryText({ id: 'untested' }));
    fixture.library.add(libraryText({ id: 'emptied', test: { questions: [] } }));
    await fixture.own.insert(ownText(BORIS, { id: 'boris-text' }));
    expect(await refusalOf(getTest('untested'))).toMatchObject({ code: 'TEST_NOT_FOUND' });
    expect(await refusalOf(getTest('emptied'))).toMatchObject({ code: 'TEST_NOT_FOUND' });
    expect(await refusalOf(getTest('boris-text', BORIS))).toMatchObject({ code: 'TEST_NOT_FOUND' });
    expect(await refusalOf(getTest('boris-text'))).toMatchObject({ code: 'TEXT_NOT_FOUND' });
  });
});
