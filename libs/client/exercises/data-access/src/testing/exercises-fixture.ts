// Exercises for the unit and component specs of the exercises' screens; the app never imports this entry point.
import type {
  BucketsExercise,
  ClozeExercise,
  ExerciseAttemptResult,
  ExerciseSummary,
  MatchExercise,
  OrderExercise,
  PublicExercise,
  WeeklySet,
} from '../lib/exercise-types';

const common = { level: 'A1', topic: null, source: 'authored', lastScore: null } as const;

/** Two sentences to build: "Ik woon in Utrecht." and "Wij eten om zes uur!". */
export function orderExercise(overrides: Partial<OrderExercise> = {}): OrderExercise {
  return {
    ...common,
    id: 'zinnen',
    title: 'Zinnen',
    type: 'order',
    itemCount: 2,
    instructions: 'Zet de woorden in de goede volgorde.',
    items: [
      { id: 'i1', tokens: ['Utrecht', 'woon', 'Ik', 'in'], ending: '.', hint: 'I live in Utrecht' },
      { id: 'i2', tokens: ['eten', 'Wij', 'zes', 'om', 'uur'], ending: '!', hint: null },
    ],
    ...overrides,
  };
}

/** negen → 9, twaalf → 12, twintig → 20; the options shuffled. */
export function matchExercise(overrides: Partial<MatchExercise> = {}): MatchExercise {
  return {
    ...common,
    id: 'getallen',
    title: 'Getallen',
    type: 'match',
    itemCount: 3,
    instructions: 'Koppel elk getal aan het goede cijfer.',
    items: [
      { id: 'i1', text: 'negen' },
      { id: 'i2', text: 'twaalf' },
      { id: 'i3', text: 'twintig' },
    ],
    options: ['20', '9', '12'],
    ...overrides,
  };
}

/** huis and raam are het, deur is de. */
export function bucketsExercise(overrides: Partial<BucketsExercise> = {}): BucketsExercise {
  return {
    ...common,
    id: 'de-of-het',
    title: 'De of het',
    type: 'buckets',
    itemCount: 3,
    instructions: 'Zet elk woord bij de of bij het.',
    buckets: [
      { id: 'de', label: 'de' },
      { id: 'het', label: 'het' },
    ],
    items: [
      { id: 'i2', text: 'deur' },
      { id: 'i1', text: 'huis' },
      { id: 'i3', text: 'raam' },
    ],
    ...overrides,
  };
}

/** "Ik ben student." and "Het weekend is zaterdag en zondag." with a word bank. */
export function clozeExercise(overrides: Partial<ClozeExercise> = {}): ClozeExercise {
  return {
    ...common,
    id: 'zijn',
    title: 'Zijn',
    type: 'cloze',
    itemCount: 2,
    instructions: 'Vul het goede woord in.',
    items: [
      { id: 'i1', parts: ['Ik ', ' student.'], hint: null },
      { id: 'i2', parts: ['Het weekend is ', ' en ', '.'], hint: 'Saturday and Sunday' },
    ],
    wordBank: ['zondag', 'ben', 'bent', 'zaterdag'],
    ...overrides,
  };
}

export function summaryOf(exercise: PublicExercise, overrides: Partial<ExerciseSummary> = {}): ExerciseSummary {
  const { id, title, type, level, topic, source, itemCount, lastScore } = exercise;
  return { id, title, type, level, topic, source, itemCount, lastScore, ...overrides };
}

export function weeklySet(items: PublicExercise[] = [bucketsExercise({ id: 'wk-2026-W02-1-ab12', source: 'weekly' })]): WeeklySet {
  return { week: '2026-W02', weekStart: '2026-01-05', basis: 'week', items };
}

/** The marks of an attempt: the items right are the ones listed in `right`. */
export function attemptResult(expected: Record<string, string | string[]>, right: readonly string[]): ExerciseAttemptResult {
  const results = Object.entries(expected).map(([itemId, answer]) => ({ itemId, correct: right.includes(itemId), expected: answer }));
  return { id: '7d1c0a4e-0000-4000-8000-000000000010', score: right.length, maxScore: results.length, results, at: '2026-01-06T10:00:00.000Z' };
}
