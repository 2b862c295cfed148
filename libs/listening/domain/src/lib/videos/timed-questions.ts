import type { PublicVideoQuestion } from '@tall/listening/contracts';
import { normalizeTypedAnswer } from '@tall/platform/text';
import { questionsInOrder, type VideoQuestion } from './video';

/** A student's answer: the option's index, true/false, a few words; null when skipped. */
export type GivenVideoAnswer = number | boolean | string | null;

export interface GradedVideoAnswer {
  questionId: string;
  /** Null when skipped. */
  correct: boolean | null;
  skipped: boolean;
  /** Shown after answering: the right option, the right value, or the first accepted answer. */
  expected: string | boolean;
}

/** An answer of the wrong shape for its question (an index out of range, text for true/false). */
export class VideoAnswerRejectedError extends Error {
  constructor(
    readonly questionId: string,
    reason: string,
  ) {
    super(`${questionId}: ${reason}`);
    this.name = 'VideoAnswerRejectedError';
  }
}

/**
 * Short answers are matched as everywhere in Tall (`normalizeTypedAnswer`: case, spaces, Unicode
 * composition, the kind of apostrophe), and a closing full stop, question or exclamation mark is
 * forgiven too; every letter counts.
 */
export function normalizeShortAnswer(text: string): string {
  return normalizeTypedAnswer(text).replace(/[.!?]+$/, '').trim();
}

/** The questions without their answers, in the order the player meets them. */
export function publicQuestions(questions: readonly VideoQuestion[]): PublicVideoQuestion[] {
  return questionsInOrder(questions).map((question) =>
    question.kind === 'multipleChoice'
      ? { id: question.id, atSeconds: question.atSeconds, kind: question.kind, prompt: question.prompt, options: [...question.options] }
      : { id: question.id, atSeconds: question.atSeconds, kind: question.kind, prompt: question.prompt },
  );
}

/** Grades one answer on the server; a skipped question is neither right nor wrong, and still shows the answer. */
export function gradeVideoAnswer(question: VideoQuestion, answer: GivenVideoAnswer): GradedVideoAnswer {
  const expected = expectedAnswer(question);
  if (answer === null) return { questionId: question.id, correct: null, skipped: true, expected };
  const wrong = (shape: string) => new VideoAnswerRejectedError(question.id, `a ${question.kind} answer is ${shape}`);
  let correct: boolean;
  switch (question.kind) {
    case 'multipleChoice':
      if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 0 || answer >= question.options.length) {
        throw wrong(`the index of one of its ${question.options.length} options (0–${question.options.length - 1})`);
      }
      correct = answer === question.answer;
      break;
    case 'trueFalse':
      if (typeof answer !== 'boolean') throw wrong('true or false');
      correct = answer === question.answer;
      break;
    case 'shortAnswer': {
      if (typeof answer !== 'string') throw wrong('a text');
      const given = normalizeShortAnswer(answer);
      correct = given.length > 0 && question.answers.some((accepted) => normalizeShortAnswer(accepted) === given);
      break;
    }
  }
  return { questionId: question.id, correct, skipped: false, expected };
}

function expectedAnswer(question: VideoQuestion): string | boolean {
  switch (question.kind) {
    case 'multipleChoice':
      return question.options[question.answer];
    case 'trueFalse':
      return question.answer;
    case 'shortAnswer':
      return question.answers[0];
  }
}
