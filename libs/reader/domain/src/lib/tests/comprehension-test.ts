import { createHash } from 'node:crypto';
import { normalizeTypedAnswer } from '@tall/platform/text';
import type { SeedQuestion } from '../seed/seed-text';

/** A comprehension question as stored, answer included (seeded or written by an admin). */
export type TestQuestion = SeedQuestion;

/** A question as a student gets it: no answer in it, and the events of an `order` question shuffled. */
export type PublicQuestion =
  | { id: string; type: 'multipleChoice'; prompt: string; options: string[] }
  | { id: string; type: 'trueFalse'; statement: string }
  | { id: string; type: 'shortAnswer'; prompt: string }
  | { id: string; type: 'order'; prompt: string; items: string[] };

/** A student's answer: the option's index, true/false, a few words, or the events in the order chosen. */
export type GivenAnswer = number | boolean | string | string[];

export interface QuestionResult {
  questionId: string;
  correct: boolean;
  /** Shown after the attempt: the right option, the right value, an accepted answer, or the events in order. */
  expected: string | boolean | string[];
}

export interface GradedAttempt {
  score: number;
  maxScore: number;
  results: QuestionResult[];
}

/** An answer to a question the test does not have, or of the wrong shape for its question. */
export class AnswerRejectedError extends Error {
  constructor(
    readonly questionId: string,
    reason: string,
  ) {
    super(`${questionId}: ${reason}`);
    this.name = 'AnswerRejectedError';
  }
}

/**
 * Short answers are matched as the thematic cards match theirs: whatever the case, the spaces, the
 * Unicode composition, the kind of apostrophe and a closing full stop; strict on every letter.
 */
export function normalizeShortAnswer(text: string): string {
  return normalizeTypedAnswer(text).replace(/[.!?]+$/, '').trim();
}

/**
 * The questions without their answers. An `order` question's events are shuffled, the same way for
 * every request of the same text (`salt`: the text's id and version), and never left in their order.
 */
export function publicQuestions(questions: readonly TestQuestion[], salt: string): PublicQuestion[] {
  return questions.map((question) => {
    switch (question.type) {
      case 'multipleChoice':
        return { id: question.id, type: question.type, prompt: question.prompt, options: [...question.options] };
      case 'trueFalse':
        return { id: question.id, type: question.type, statement: question.statement };
      case 'shortAnswer':
        return { id: question.id, type: question.type, prompt: question.prompt };
      case 'order':
        return { id: question.id, type: question.type, prompt: question.prompt, items: shuffled(question.items, `${salt}:${question.id}`) };
    }
  });
}

/** Grades an attempt on the server; unanswered questions count as wrong. */
export function gradeAttempt(questions: readonly TestQuestion[], answers: ReadonlyArray<{ questionId: string; answer: GivenAnswer }>): GradedAttempt {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const given = new Map<string, GivenAnswer>();
  for (const { questionId, answer } of answers) {
    const question = byId.get(questionId);
    if (!question) throw new AnswerRejectedError(questionId, 'the test has no such question');
    if (given.has(questionId)) throw new AnswerRejectedError(questionId, 'answered twice');
    checkShape(question, answer);
    given.set(questionId, answer);
  }
  const results = questions.map((question): QuestionResult => {
    const answer = given.get(question.id);
    switch (question.type) {
      case 'multipleChoice':
        return { questionId: question.id, correct: answer === question.answer, expected: question.options[question.answer] };
      case 'trueFalse':
        return { questionId: question.id, correct: answer === question.answer, expected: question.answer };
      case 'shortAnswer': {
        const text = typeof answer === 'string' ? normalizeShortAnswer(answer) : null;
        return { questionId: question.id, correct: text !== null && text.length > 0 && question.answers.some((accepted) => normalizeShortAnswer(accepted) === text), expected: question.answers[0] };
      }
      case 'order':
        return {
          questionId: question.id,
          correct: Array.isArray(answer) && answer.length === question.items.length && answer.every((item, index) => item === question.items[index]),
          expected: [...question.items],
        };
    }
  });
  return { score: results.filter((result) => result.correct).length, maxScore: questions.length, results };
}

function checkShape(question: TestQuestion, answer: GivenAnswer): void {
  const wrong = (expected: string) => new AnswerRejectedError(question.id, `a ${question.type} answer is ${expected}`);
  switch (question.type) {
    case 'multipleChoice':
      if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 0 || answer >= question.options.length) throw wrong(`the index of one of its ${question.options.length} options`);
      return;
    case 'trueFalse':
      if (typeof answer !== 'boolean') throw wrong('true or false');
      return;
    case 'shortAnswer':
      if (typeof answer !== 'string' || answer.length > 200) throw wrong('a text of at most 200 characters');
      return;
    case 'order': {
      const items = new Set(question.items);
      if (!Array.isArray(answer) || answer.length !== items.size || new Set(answer).size !== answer.length || !answer.every((item) => items.has(item))) {
        throw wrong('every one of its events, each once');
      }
      return;
    }
  }
}

/** A stable shuffle (by hash of salt and item), moved one place on when it came out in order. */
function shuffled(items: readonly string[], salt: string): string[] {
  const rank = (item: string) => createHash('sha256').update(`${salt}\u0000${item}`).digest('hex');
  const result = [...items].sort((a, b) => rank(a).localeCompare(rank(b)));
  if (result.length > 1 && result.every((item, index) => item === items[index])) result.push(result.shift() as string);
  return result;
}
