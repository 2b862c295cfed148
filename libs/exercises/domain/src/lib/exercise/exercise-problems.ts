import { normalizeTypedAnswer } from '@tall/platform/text';
import { ExerciseSchema, type Exercise } from './exercise';
import { blankPositions, orderTokens } from './sentence-parts';

const MIN_ORDER_TOKENS = 3;
const MAX_ORDER_TOKENS = 14;

/** An exercise that cannot be shown or graded as written. */
export class InvalidExerciseError extends Error {
  constructor(
    readonly exerciseId: string,
    readonly problems: readonly string[],
  ) {
    super(`exercise ${exerciseId}: ${problems.join('; ')}`);
    this.name = 'InvalidExerciseError';
  }
}

/**
 * What is wrong with an exercise beyond its schema: what would mislead a student or make an item
 * impossible to get right (a blank that is not in its sentence, an item in no declared bucket,
 * two options alike). Empty when it is fine.
 */
export function exerciseProblems(exercise: Exercise): string[] {
  const parsed = ExerciseSchema.safeParse(exercise);
  if (!parsed.success) return parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  const problems: string[] = [];
  exercise.items.forEach((item, index) => {
    if (item.id !== `i${index + 1}`) problems.push(`item ${index + 1} has id ${item.id}; ids run i1, i2, …`);
  });
  switch (exercise.type) {
    case 'order':
      for (const item of exercise.items) problems.push(...orderItemProblems(item));
      problems.push(...duplicates(exercise.items.map((item) => item.sentence), 'sentence'));
      break;
    case 'match':
      problems.push(...duplicates(exercise.items.map((item) => item.left), 'left-hand item'), ...duplicates(exercise.items.map((item) => item.right), 'option'));
      break;
    case 'buckets': {
      const declared = new Set(exercise.buckets.map((bucket) => bucket.id));
      problems.push(...duplicates(exercise.buckets.map((bucket) => bucket.id), 'bucket id'), ...duplicates(exercise.buckets.map((bucket) => bucket.label), 'bucket label'));
      for (const item of exercise.items) if (!declared.has(item.bucket)) problems.push(`${item.id}: bucket "${item.bucket}" is not declared`);
      problems.push(...duplicates(exercise.items.map((item) => item.text), 'item'));
      break;
    }
    case 'cloze': {
      for (const item of exercise.items) {
        if (!blankPositions(item.sentence, item.blanks.map((blank) => blank.answer))) problems.push(`${item.id}: a blank's answer is not a word of its sentence, in order`);
      }
      problems.push(...duplicates(exercise.items.map((item) => item.sentence), 'sentence'));
      const answers = new Set(exercise.items.flatMap((item) => item.blanks.map((blank) => normalizeTypedAnswer(blank.answer))));
      for (const extra of exercise.wordBank?.extra ?? []) if (answers.has(normalizeTypedAnswer(extra))) problems.push(`word bank: "${extra}" is also an answer`);
      break;
    }
  }
  return problems;
}

/** Throws InvalidExerciseError when the exercise has problems. */
export function assertValidExercise(exercise: Exercise): Exercise {
  const problems = exerciseProblems(exercise);
  if (problems.length > 0) throw new InvalidExerciseError(exercise.id, problems);
  return exercise;
}

function orderItemProblems(item: { id: string; sentence: string; accepted?: string[] }): string[] {
  const { tokens, ending } = orderTokens(item.sentence);
  const problems: string[] = [];
  if (tokens.length < MIN_ORDER_TOKENS || tokens.length > MAX_ORDER_TOKENS) problems.push(`${item.id}: ${tokens.length} words; a sentence to build has ${MIN_ORDER_TOKENS}–${MAX_ORDER_TOKENS}`);
  const words = bag(tokens);
  for (const other of item.accepted ?? []) {
    const accepted = orderTokens(other);
    if (bag(accepted.tokens) !== words || accepted.ending !== ending) problems.push(`${item.id}: "${other}" is not made of the same words and ending`);
    if (normalizeTypedAnswer(other) === normalizeTypedAnswer(item.sentence)) problems.push(`${item.id}: "${other}" is the sentence itself`);
  }
  return problems;
}

/** The tokens as a multiset, any case. */
const bag = (tokens: readonly string[]) => tokens.map(normalizeTypedAnswer).sort().join('\u0000');

function duplicates(values: readonly string[], what: string): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const value of values) {
    const key = normalizeTypedAnswer(value);
    if (seen.has(key)) problems.push(`two of a kind: ${what} "${value}"`);
    seen.add(key);
  }
  return problems;
}
