import type { ExerciseAttemptBody, PublicExercise } from './exercise-types';

/** A student's answer to one item: the tokens in order (order), the option (match), the bucket's id (buckets), one text per blank (cloze). */
export type ItemAnswer = string | string[];
/** The answers by item id; an item without one is unanswered. */
export type Answers = Readonly<Record<string, ItemAnswer>>;
/** One blank of a cloze exercise: its sentence (item) and its place in it. */
export interface BlankRef {
  itemId: string;
  blank: number;
}

/** Where an exercise starts: each sentence's tokens as shown, every blank empty, nothing matched or sorted. */
export function startingAnswers(exercise: PublicExercise): Answers {
  switch (exercise.type) {
    case 'order':
      return Object.fromEntries(exercise.items.map((item) => [item.id, [...item.tokens]]));
    case 'cloze':
      return Object.fromEntries(exercise.items.map((item) => [item.id, item.parts.slice(1).map(() => '')]));
    case 'match':
    case 'buckets':
      return {};
  }
}

/** Whether an item has an answer worth sending (an order item always has one: the tokens as they stand). */
export function isItemAnswered(exercise: PublicExercise, answer: ItemAnswer | undefined): boolean {
  switch (exercise.type) {
    case 'order':
      return Array.isArray(answer) && answer.length > 0;
    case 'match':
    case 'buckets':
      return typeof answer === 'string' && answer.length > 0;
    case 'cloze':
      return Array.isArray(answer) && answer.some((text) => text.trim().length > 0);
  }
}

export function answeredCount(exercise: PublicExercise, answers: Answers): number {
  return exercise.items.filter((item) => isItemAnswered(exercise, answers[item.id])).length;
}

/** The attempt the API takes: the answered items only (the others count as wrong), typed text trimmed. */
export function attemptBody(exercise: PublicExercise, answers: Answers): ExerciseAttemptBody {
  return {
    answers: exercise.items
      .filter((item) => isItemAnswered(exercise, answers[item.id]))
      .map((item) => {
        const answer = answers[item.id];
        return { itemId: item.id, answer: exercise.type === 'cloze' && Array.isArray(answer) ? answer.map((text) => text.trim()) : answer };
      }),
  };
}

/** The list with one element moved from one place to another (both clamped to the list). */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const source = Math.max(0, Math.min(from, next.length - 1));
  const target = Math.max(0, Math.min(to, next.length - 1));
  const [element] = next.splice(source, 1);
  next.splice(target, 0, element);
  return next;
}

/** Gives an option to an item; an option fits one item, so it leaves any other item it was on. Null takes the item's option away. */
export function withMatch(answers: Answers, itemId: string, option: string | null): Answers {
  const next: Record<string, ItemAnswer> = {};
  for (const [id, answer] of Object.entries(answers)) if (id !== itemId && answer !== option) next[id] = answer;
  if (option !== null) next[itemId] = option;
  return next;
}

/** The options no item has yet, in the order shown. */
export function freeOptions(options: readonly string[], answers: Answers): string[] {
  const taken = new Set(Object.values(answers));
  return options.filter((option) => !taken.has(option));
}

/** Puts an item in a bucket; null puts it back among the unsorted. */
export function withBucket(answers: Answers, itemId: string, bucketId: string | null): Answers {
  const { [itemId]: _previous, ...rest } = answers;
  return bucketId === null ? rest : { ...rest, [itemId]: bucketId };
}

/** Sets the text of one blank. */
export function withBlank(answers: Answers, { itemId, blank }: BlankRef, text: string, blanks: number): Answers {
  const current = answers[itemId];
  const texts = Array.isArray(current) ? [...current] : Array.from({ length: blanks }, () => '');
  texts[blank] = text;
  return { ...answers, [itemId]: texts };
}

/** Every blank of a cloze exercise, sentence by sentence. */
export function blanksOf(exercise: PublicExercise): BlankRef[] {
  if (exercise.type !== 'cloze') return [];
  return exercise.items.flatMap((item) => item.parts.slice(1).map((_, blank) => ({ itemId: item.id, blank })));
}

/** The first empty blank after the given one (wrapping round), or null when every blank has a text. */
export function nextEmptyBlank(exercise: PublicExercise, answers: Answers, after: BlankRef | null): BlankRef | null {
  const blanks = blanksOf(exercise);
  const start = after ? blanks.findIndex((ref) => ref.itemId === after.itemId && ref.blank === after.blank) + 1 : 0;
  for (let step = 0; step < blanks.length; step++) {
    const ref = blanks[(start + step) % blanks.length];
    const texts = answers[ref.itemId];
    if (!Array.isArray(texts) || !texts[ref.blank]?.trim()) return ref;
  }
  return null;
}
