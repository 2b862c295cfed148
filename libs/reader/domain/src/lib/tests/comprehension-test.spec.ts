import { AnswerRejectedError, gradeAttempt, normalizeShortAnswer, publicQuestions, type TestQuestion } from './comprehension-test';

const QUESTIONS: TestQuestion[] = [
  { id: 'q1', type: 'multipleChoice', prompt: 'Wie is Dirk?', options: ['De broer van Marta', 'De nieuwe buurman', 'Een collega'], answer: 1 },
  { id: 'q2', type: 'trueFalse', statement: 'Marta komt uit Polen.', answer: true },
  { id: 'q3', type: 'shortAnswer', prompt: 'Op welk nummer woont Marta?', answers: ['12', 'nummer 12', 'twaalf'] },
  { id: 'q4', type: 'order', prompt: 'Zet in de goede volgorde.', items: ['Dirk komt aan.', 'Marta zegt goedemorgen.', 'Ze drinken koffie.'] },
];

describe('a comprehension test', () => {
  it('reaches the student without its answers, the events shuffled the same way each time and never in order', () => {
    const shown = publicQuestions(QUESTIONS, 'text-1:v1');
    expect(JSON.stringify(shown)).not.toMatch(/"answer"|"answers"/);
    const order = shown[3] as { items: string[] };
    expect([...order.items].sort()).toEqual([...(QUESTIONS[3] as { items: string[] }).items].sort());
    expect(order.items).not.toEqual((QUESTIONS[3] as { items: string[] }).items);
    expect(publicQuestions(QUESTIONS, 'text-1:v1')).toEqual(shown);
  });

  it('grades on the server: options by index, true/false, tolerant short answers, the order of events', () => {
    const graded = gradeAttempt(QUESTIONS, [
      { questionId: 'q1', answer: 1 },
      { questionId: 'q2', answer: false },
      { questionId: 'q3', answer: '  Nummer   12. ' },
      { questionId: 'q4', answer: ['Dirk komt aan.', 'Marta zegt goedemorgen.', 'Ze drinken koffie.'] },
    ]);
    expect(graded).toEqual({
      score: 3,
      maxScore: 4,
      results: [
        { questionId: 'q1', correct: true, expected: 'De nieuwe buurman' },
        { questionId: 'q2', correct: false, expected: true },
        { questionId: 'q3', correct: true, expected: '12' },
        { questionId: 'q4', correct: true, expected: ['Dirk komt aan.', 'Marta zegt goedemorgen.', 'Ze drinken koffie.'] },
      ],
    });
  });

  it('counts an unanswered question as wrong, and is strict on letters', () => {
    const graded = gradeAttempt(QUESTIONS, [{ questionId: 'q3', answer: 'twalf' }]);
    expect(graded.score).toBe(0);
    expect(normalizeShortAnswer('Twaalf!')).toBe('twaalf');
  });

  it('refuses answers to other questions or of the wrong shape', () => {
    expect(() => gradeAttempt(QUESTIONS, [{ questionId: 'q9', answer: 1 }])).toThrow(AnswerRejectedError);
    expect(() => gradeAttempt(QUESTIONS, [{ questionId: 'q1', answer: 3 }])).toThrow(/index of one of its 3 options/);
    expect(() => gradeAttempt(QUESTIONS, [{ questionId: 'q2', answer: 'ja' }])).toThrow(/true or false/);
    expect(() => gradeAttempt(QUESTIONS, [{ questionId: 'q4', answer: ['Dirk komt aan.', 'Dirk komt aan.', 'Ze drinken koffie.'] }])).toThrow(/each once/);
    expect(() => gradeAttempt(QUESTIONS, [{ questionId: 'q1', answer: 1 }, { questionId: 'q1', answer: 0 }])).toThrow(/answered twice/);
  });
});
