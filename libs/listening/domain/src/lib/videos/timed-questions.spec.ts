import type { VideoQuestion } from './video';
import { gradeVideoAnswer, normalizeShortAnswer, publicQuestions, VideoAnswerRejectedError } from './timed-questions';

const QUESTIONS: VideoQuestion[] = [
  { id: 'q3', kind: 'shortAnswer', atSeconds: 14, prompt: 'Wat koopt Sanne?', answers: ["appel's", 'appels'] },
  { id: 'q1', kind: 'multipleChoice', atSeconds: 4.2, prompt: 'Waar is Sanne?', options: ['Thuis', 'Op de markt', 'Op school'], answer: 1 },
  { id: 'q2', kind: 'trueFalse', atSeconds: 9, prompt: 'Het regent.', answer: false },
];
const [SHORT, CHOICE, TRUE_FALSE] = QUESTIONS;

describe('timed questions', () => {
  it('go to students without their answers, in the order the player meets them', () => {
    const shown = publicQuestions(QUESTIONS);
    expect(shown).toEqual([
      { id: 'q1', atSeconds: 4.2, kind: 'multipleChoice', prompt: 'Waar is Sanne?', options: ['Thuis', 'Op de markt', 'Op school'] },
      { id: 'q2', atSeconds: 9, kind: 'trueFalse', prompt: 'Het regent.' },
      { id: 'q3', atSeconds: 14, kind: 'shortAnswer', prompt: 'Wat koopt Sanne?' },
    ]);
    expect(JSON.stringify(shown)).not.toMatch(/answer/);
  });

  it('grades multiple choice by index and true/false by value, showing the right answer either way', () => {
    expect(gradeVideoAnswer(CHOICE, 1)).toEqual({ questionId: 'q1', correct: true, skipped: false, expected: 'Op de markt' });
    expect(gradeVideoAnswer(CHOICE, 0)).toEqual({ questionId: 'q1', correct: false, skipped: false, expected: 'Op de markt' });
    expect(gradeVideoAnswer(TRUE_FALSE, false)).toMatchObject({ correct: true, expected: false });
    expect(gradeVideoAnswer(TRUE_FALSE, true)).toMatchObject({ correct: false, expected: false });
  });

  it.each([
    ['appels', true],
    ['  Appels. ', true],
    ['APPEL’S', true],
    ['appel', false],
    ['appels en peren', false],
    ['', false],
    ['...', false],
  ])('matches the short answer %j tolerantly but letter for letter: %s', (answer, correct) => {
    expect(gradeVideoAnswer(SHORT, answer)).toEqual({ questionId: 'q3', correct, skipped: false, expected: "appel's" });
  });

  it('counts a skipped question as skipped: neither right nor wrong, with the answer shown', () => {
    for (const question of QUESTIONS) expect(gradeVideoAnswer(question, null)).toMatchObject({ correct: null, skipped: true });
    expect(gradeVideoAnswer(CHOICE, null).expected).toBe('Op de markt');
  });

  it.each([
    [CHOICE, 3],
    [CHOICE, -1],
    [CHOICE, 1.5],
    [CHOICE, 'Op de markt'],
    [TRUE_FALSE, 'false'],
    [TRUE_FALSE, 0],
    [SHORT, true],
    [SHORT, 1],
  ] as const)('refuses an answer of the wrong shape: %#', (question, answer) => {
    expect(() => gradeVideoAnswer(question, answer)).toThrow(VideoAnswerRejectedError);
  });

  it('normalizes as the thematic cards do, and forgives a closing full stop', () => {
    expect(normalizeShortAnswer('  De  Markt!? ')).toBe('de markt');
    expect(normalizeShortAnswer('e\u0301e\u0301n.')).toBe('één');
  });
});
