import type { ExerciseSource, ExerciseSummary, LastScore, PublicExercise } from '@tall/exercises/contracts';
import type { Exercise } from './exercise';
import { InvalidExerciseError } from './exercise-problems';
import { clozeParts, orderTokens, stableShuffle } from './sentence-parts';

export interface ViewContext {
  source: ExerciseSource;
  /** The student's latest attempt at it, or null. */
  lastScore: LastScore | null;
  /** Shuffles are stable per salt: the exercise's id and version, so an edit may reshuffle. */
  salt: string;
}

export function exerciseSummary(exercise: Exercise, source: ExerciseSource, lastScore: LastScore | null): ExerciseSummary {
  return { id: exercise.id, title: exercise.title, type: exercise.type, level: exercise.level, topic: exercise.topic, source, itemCount: exercise.items.length, lastScore };
}

/**
 * An exercise as a student gets it: nothing in it gives an answer away. Tokens, options, bucket
 * items and word banks are shuffled, the same way for every request, and never left in order.
 */
export function publicExercise(exercise: Exercise, context: ViewContext): PublicExercise {
  const common = { ...exerciseSummary(exercise, context.source, context.lastScore), instructions: exercise.instructions };
  const salt = (part: string) => `${context.salt}:${part}`;
  switch (exercise.type) {
    case 'order':
      return {
        ...common,
        type: 'order',
        items: exercise.items.map((item) => {
          const { tokens, ending } = orderTokens(item.sentence);
          return { id: item.id, tokens: stableShuffle(tokens, salt(item.id)), ending, hint: item.hint ?? null };
        }),
      };
    case 'match':
      return {
        ...common,
        type: 'match',
        items: exercise.items.map((item) => ({ id: item.id, text: item.left })),
        options: stableShuffle(
          exercise.items.map((item) => item.right),
          salt('options'),
        ),
      };
    case 'buckets':
      return {
        ...common,
        type: 'buckets',
        buckets: exercise.buckets.map((bucket) => ({ id: bucket.id, label: bucket.label })),
        items: stableShuffle(
          exercise.items.map((item) => ({ id: item.id, text: item.text })),
          salt('items'),
          (item) => item.id,
        ),
      };
    case 'cloze': {
      const answers = exercise.items.flatMap((item) => item.blanks.map((blank) => blank.answer));
      const bank = exercise.wordBank ? [...new Map([...answers, ...exercise.wordBank.extra].map((word) => [word.toLocaleLowerCase('nl'), word])).values()] : null;
      return {
        ...common,
        type: 'cloze',
        items: exercise.items.map((item) => ({
          id: item.id,
          parts: partsOf(exercise.id, item),
          hint: item.hint ?? null,
        })),
        wordBank: bank ? stableShuffle(bank, salt('bank')) : null,
      };
    }
  }
}

/** Validated exercises always have their blanks; showing the sentence whole would give the answers away. */
function partsOf(exerciseId: string, item: { id: string; sentence: string; blanks: ReadonlyArray<{ answer: string }> }): string[] {
  const parts = clozeParts(
    item.sentence,
    item.blanks.map((blank) => blank.answer),
  );
  if (!parts) throw new InvalidExerciseError(exerciseId, [`${item.id}: a blank's answer is not a word of its sentence`]);
  return parts;
}
