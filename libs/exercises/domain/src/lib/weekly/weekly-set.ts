import type { ExerciseLevel } from '@tall/exercises/contracts';
import { isoWeekOf, type IsoWeek } from '@tall/platform/calendar';
import { normalizeTypedAnswer } from '@tall/platform/text';
import type { Exercise } from '../exercise/exercise';
import { exerciseProblems } from '../exercise/exercise-problems';
import { orderTokens, stableShuffle } from '../exercise/sentence-parts';
import { weeklyExerciseId } from './weekly-ids';

/** A word to practise: one of the student's learning cards, or a dictionary word of their level. */
export interface PracticeWord {
  /** The learning card's id, or the dictionary word's. */
  key: string;
  lemma: string;
  article: 'de' | 'het' | null;
  translation: string | null;
  /** The sentence the student met the word in, else the dictionary's example; null when neither. */
  sentence: string | null;
  /** When the card was added; null for a dictionary word the student does not have. */
  addedAt: Date | null;
}

/** What a set was made from: the cards added this week, the words the student is learning, or the dictionary at their level. */
export type WeeklyBasis = 'week' | 'learning' | 'dictionary';

/** Fewer words than this in the week, and the set takes the student's other words (then the dictionary's) too. */
export const WEEKLY_MIN_WORDS = 6;
/** Words a set is made of at most. */
export const WEEKLY_MAX_WORDS = 16;
const ITEMS = { buckets: 10, match: 8, cloze: 8, order: 5 } as const;
const MIN_ITEMS = 3;
const MAX_SENTENCE = 200;
const MAX_OPTION = 80;

/**
 * The words of a student's week: the cards added in it (newest first); when there are fewer than
 * WEEKLY_MIN_WORDS, the other words they are learning; when still too few, dictionary words of
 * their level, picked by the salt (the same for the same student and week).
 */
export function chooseWeeklyWords(input: { week: IsoWeek; cards: readonly PracticeWord[]; dictionary: readonly PracticeWord[]; salt: string }): { basis: WeeklyBasis; words: PracticeWord[] } {
  const thisWeek = input.cards.filter((card) => card.addedAt !== null && isoWeekOf(card.addedAt) === input.week);
  if (thisWeek.length >= WEEKLY_MIN_WORDS) return { basis: 'week', words: distinct(thisWeek).slice(0, WEEKLY_MAX_WORDS) };
  const learning = distinct([...thisWeek, ...input.cards]).slice(0, WEEKLY_MAX_WORDS);
  if (learning.length >= WEEKLY_MIN_WORDS) return { basis: 'learning', words: learning };
  const picked = stableShuffle(input.dictionary, `${input.salt}:dictionary`, (word) => word.key).slice(0, WEEKLY_MAX_WORDS - learning.length);
  return { basis: 'dictionary', words: distinct([...learning, ...picked]) };
}

/** The level of the dictionary words a student without enough words of their own practises: that of their latest exercise, else A1. */
export function studentLevel(latestExerciseLevel: ExerciseLevel | null): ExerciseLevel {
  return latestExerciseLevel ?? 'A1';
}

/**
 * The exercises of a student's week, made from their words: de/het for nouns, words matched to
 * their translations, the words filled into their sentences, and the sentences built from their
 * words. Deterministic: the same student, week and words always give the same set. A kind with
 * fewer than three usable words is left out.
 */
export function generateWeeklyExercises(input: { userId: string; week: IsoWeek; level: ExerciseLevel; words: readonly PracticeWord[] }): Exercise[] {
  const salt = `${input.userId}:${input.week}`;
  const words = stableShuffle(input.words, salt, (word) => word.key);
  const drafts = [articleBuckets(words), translationMatch(words), wordCloze(words), sentenceOrder(words)].filter((draft): draft is Draft => draft !== null);
  const exercises: Exercise[] = [];
  for (const draft of drafts) {
    const exercise = { ...draft, id: weeklyExerciseId(input.userId, input.week, exercises.length + 1), level: input.level, topic: null } as Exercise;
    // A generated exercise is checked as an authored one is; one that fails is left out rather than shown broken.
    if (exerciseProblems(exercise).length === 0) exercises.push(exercise);
  }
  return exercises;
}

/** An exercise before it has its id, level and topic (distributed over the types). */
type Draft = Exercise extends infer E ? (E extends Exercise ? Omit<E, 'id' | 'level' | 'topic'> : never) : never;

function articleBuckets(words: readonly PracticeWord[]): Draft | null {
  const nouns = words.filter((word) => word.article !== null && word.lemma.length <= MAX_OPTION).slice(0, ITEMS.buckets);
  if (nouns.length < MIN_ITEMS) return null;
  return {
    type: 'buckets',
    title: 'De of het?',
    instructions: 'Zet elk woord bij de of bij het.',
    buckets: [
      { id: 'de', label: 'de' },
      { id: 'het', label: 'het' },
    ],
    items: nouns.map((word, index) => ({ id: `i${index + 1}`, text: word.lemma, bucket: word.article as 'de' | 'het' })),
  };
}

function translationMatch(words: readonly PracticeWord[]): Draft | null {
  const seen = new Set<string>();
  const pairs = words
    .filter((word) => word.translation && word.translation.length <= MAX_OPTION)
    .map((word) => ({ left: word.article ? `${word.article} ${word.lemma}` : word.lemma, right: word.translation as string }))
    .filter((pair) => pair.left.length <= MAX_OPTION)
    .filter((pair) => {
      const keys = [`l:${normalizeTypedAnswer(pair.left)}`, `r:${normalizeTypedAnswer(pair.right)}`];
      if (keys.some((key) => seen.has(key))) return false;
      keys.forEach((key) => seen.add(key));
      return true;
    })
    .slice(0, ITEMS.match);
  if (pairs.length < MIN_ITEMS) return null;
  return {
    type: 'match',
    title: 'Woord en betekenis',
    instructions: 'Koppel elk woord aan zijn betekenis.',
    items: pairs.map((pair, index) => ({ id: `i${index + 1}`, ...pair })),
  };
}

function wordCloze(words: readonly PracticeWord[]): Draft | null {
  const sentences = new Set<string>();
  const items = words
    .flatMap((word) => {
      const sentence = usableSentence(word.sentence);
      const answer = sentence ? occurrenceOf(sentence, word.lemma) : null;
      if (!sentence || !answer || sentences.has(sentence)) return [];
      sentences.add(sentence);
      return [{ word, sentence, answer }];
    })
    .slice(0, ITEMS.cloze);
  if (items.length < MIN_ITEMS) return null;
  const answers = new Set(items.map((item) => normalizeTypedAnswer(item.answer)));
  const extra = [...new Set(words.map((word) => word.lemma))].filter((lemma) => !answers.has(normalizeTypedAnswer(lemma)) && lemma.length <= 60).slice(0, 3);
  return {
    type: 'cloze',
    title: 'Vul het woord in',
    instructions: 'Vul het ontbrekende woord in. Kies uit de woorden hieronder.',
    items: items.map((item, index) => ({
      id: `i${index + 1}`,
      sentence: item.sentence,
      blanks: [{ answer: item.answer }],
      hint: item.word.translation && item.word.translation.length <= 150 ? item.word.translation : null,
    })),
    wordBank: { extra },
  };
}

function sentenceOrder(words: readonly PracticeWord[]): Draft | null {
  const seen = new Set<string>();
  const sentences = words
    .map((word) => usableSentence(word.sentence))
    .filter((sentence): sentence is string => sentence !== null)
    .filter((sentence) => {
      const count = orderTokens(sentence).tokens.length;
      const key = normalizeTypedAnswer(sentence);
      if (count < 3 || count > 12 || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, ITEMS.order);
  if (sentences.length < MIN_ITEMS) return null;
  return {
    type: 'order',
    title: 'Zinnen bouwen',
    instructions: 'Zet de woorden in de goede volgorde.',
    items: sentences.map((sentence, index) => ({ id: `i${index + 1}`, sentence, hint: null })),
  };
}

/** One line of ordinary length, or null. */
function usableSentence(sentence: string | null): string | null {
  const trimmed = sentence?.replace(/\s+/gu, ' ').trim() ?? '';
  return trimmed.length >= 3 && trimmed.length <= MAX_SENTENCE ? trimmed : null;
}

/** The word as it stands in the sentence (any case), when it stands there whole. */
function occurrenceOf(sentence: string, lemma: string): string | null {
  const escaped = lemma.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  const match = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').exec(sentence);
  return match?.[0] ?? null;
}

/** The first of each lemma (any case), so one word is not asked twice. */
function distinct(words: readonly PracticeWord[]): PracticeWord[] {
  const seen = new Set<string>();
  return words.filter((word) => {
    const key = normalizeTypedAnswer(word.lemma);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
