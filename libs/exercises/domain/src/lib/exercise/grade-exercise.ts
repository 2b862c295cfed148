import { ExerciseAnswerSchemas, type ItemResult } from '@tall/exercises/contracts';
import { normalizeTypedAnswer } from '@tall/platform/text';
import type { Exercise } from './exercise';
import { orderTokens } from './sentence-parts';

/** A student's answer to one item: a text (match, buckets) or a list of texts (order, cloze). */
export type GivenAnswer = string | string[];

export interface GradedAttempt {
  score: number;
  maxScore: number;
  results: ItemResult[];
}

export type AnswerRejection = 'ANSWER_SHAPE_MISMATCH' | 'INVALID_ANSWER';

/**
 * An answer that cannot be graded: of the wrong shape for the exercise's type
 * (`ANSWER_SHAPE_MISMATCH`), or for an item the exercise lacks, twice for one item, or not made of
 * what the item offers (`INVALID_ANSWER`).
 */
export class AnswerRejectedError extends Error {
  constructor(
    readonly code: AnswerRejection,
    readonly itemId: string,
    reason: string,
  ) {
    super(`${itemId}: ${reason}`);
    this.name = 'AnswerRejectedError';
  }
}

const SHAPES: Record<Exercise['type'], string> = {
  order: 'the tokens in the order chosen (a list of texts)',
  match: 'the option chosen (a text)',
  buckets: "the bucket's id (a text)",
  cloze: 'one text per blank (a list of texts)',
};

/** Typed text is compared as the thematic cards and the reader compare it: case, spaces, apostrophes and Unicode composition forgiven. */
const same = (a: string, b: string) => normalizeTypedAnswer(a) === normalizeTypedAnswer(b);

/** Grades an attempt on the server; an item left unanswered counts as wrong. Score: items right; maxScore: items. */
export function gradeExercise(exercise: Exercise, answers: ReadonlyArray<{ itemId: string; answer: GivenAnswer }>): GradedAttempt {
  const items = new Map<string, Exercise['items'][number]>(exercise.items.map((item) => [item.id, item]));
  const given = new Map<string, GivenAnswer>();
  for (const { itemId, answer } of answers) {
    if (!items.has(itemId)) throw new AnswerRejectedError('INVALID_ANSWER', itemId, 'the exercise has no such item');
    if (given.has(itemId)) throw new AnswerRejectedError('INVALID_ANSWER', itemId, 'answered twice');
    if (!ExerciseAnswerSchemas[exercise.type].safeParse(answer).success) {
      throw new AnswerRejectedError('ANSWER_SHAPE_MISMATCH', itemId, `an answer to a ${exercise.type} exercise is ${SHAPES[exercise.type]}`);
    }
    given.set(itemId, answer);
  }
  const results = resultsOf(exercise, given);
  return { score: results.filter((result) => result.correct).length, maxScore: exercise.items.length, results };
}

function resultsOf(exercise: Exercise, given: ReadonlyMap<string, GivenAnswer>): ItemResult[] {
  switch (exercise.type) {
    case 'order':
      return exercise.items.map((item) => {
        const answer = given.get(item.id) as string[] | undefined;
        const { tokens } = orderTokens(item.sentence);
        if (answer) checkTokens(item.id, answer, tokens);
        // Any order that makes one of the right sentences counts, so two equal words may swap places.
        const right = [item.sentence, ...(item.accepted ?? [])].map((sentence) => orderTokens(sentence).tokens.join(' '));
        return { itemId: item.id, correct: answer !== undefined && right.some((sentence) => same(sentence, answer.join(' '))), expected: item.sentence };
      });
    case 'match': {
      const options = exercise.items.map((item) => item.right);
      return exercise.items.map((item) => {
        const answer = given.get(item.id) as string | undefined;
        if (answer !== undefined && !options.some((option) => same(option, answer))) throw new AnswerRejectedError('INVALID_ANSWER', item.id, 'not one of the options');
        return { itemId: item.id, correct: answer !== undefined && same(answer, item.right), expected: item.right };
      });
    }
    case 'buckets': {
      const buckets = new Set(exercise.buckets.map((bucket) => bucket.id));
      return exercise.items.map((item) => {
        const answer = given.get(item.id) as string | undefined;
        if (answer !== undefined && !buckets.has(answer)) throw new AnswerRejectedError('INVALID_ANSWER', item.id, `no bucket "${answer}"; the buckets are ${[...buckets].join(', ')}`);
        return { itemId: item.id, correct: answer === item.bucket, expected: item.bucket };
      });
    }
    case 'cloze':
      return exercise.items.map((item) => {
        const answer = given.get(item.id) as string[] | undefined;
        if (answer && answer.length !== item.blanks.length) throw new AnswerRejectedError('INVALID_ANSWER', item.id, `the sentence has ${item.blanks.length} blank(s); send one text for each`);
        const correct = answer !== undefined && item.blanks.every((blank, index) => [blank.answer, ...(blank.accepted ?? [])].some((accepted) => same(accepted, answer[index])));
        return { itemId: item.id, correct, expected: item.blanks.map((blank) => blank.answer) };
      });
  }
}

/** An order answer places every token of the item once (in any case: a client may capitalise the first): no more, no fewer, nothing else. */
function checkTokens(itemId: string, answer: readonly string[], tokens: readonly string[]): void {
  const left = tokens.map(normalizeTypedAnswer);
  for (const token of answer) {
    const index = left.indexOf(normalizeTypedAnswer(token));
    if (index < 0) throw new AnswerRejectedError('INVALID_ANSWER', itemId, `"${token}" is not one of the item's tokens (or is placed twice)`);
    left.splice(index, 1);
  }
  if (left.length > 0) throw new AnswerRejectedError('INVALID_ANSWER', itemId, `${left.length} token(s) not placed`);
}
