import type { BucketsExercise, ClozeExercise, Exercise, MatchExercise, OrderExercise, PracticeWord } from '@tall/exercises/domain';
import { ExerciseFinder } from '../lib/exercises/exercise-finder';
import { MemoryExerciseCatalog, MemoryPracticeWordSource, MemoryStudentExerciseStore, MemoryWeeklySetStore, TestClock } from './memory-exercise-stores';

/** Students: the events' schemas want UUIDs. */
export const ANNA = '0b6f1c7e-5a2d-4e8f-9b3c-1d2e3f4a5b6c';
export const BORIS = '1c7a2d8f-6b3e-4f9a-8c4d-2e3f4a5b6c7d';

/** Tuesday of ISO week 2026-W11 (Monday 9 March). */
export const NOW = new Date('2026-03-10T09:00:00Z');

const meta = { topic: null, instructions: 'Doe de oefening.' };

export const BUCKETS: BucketsExercise = {
  ...meta,
  id: 'de-of-het-thuis',
  title: 'De of het: thuis',
  level: 'A1',
  topic: 'house',
  type: 'buckets',
  buckets: [
    { id: 'de', label: 'de' },
    { id: 'het', label: 'het' },
  ],
  items: [
    { id: 'i1', text: 'huis', bucket: 'het' },
    { id: 'i2', text: 'tafel', bucket: 'de' },
    { id: 'i3', text: 'raam', bucket: 'het' },
  ],
};

export const MATCH: MatchExercise = {
  ...meta,
  id: 'fruit-koppelen',
  title: 'Fruit',
  level: 'A1',
  type: 'match',
  items: [
    { id: 'i1', left: 'de appel', right: 'apple' },
    { id: 'i2', left: 'de peer', right: 'pear' },
    { id: 'i3', left: 'de kers', right: 'cherry' },
  ],
};

export const ORDER: OrderExercise = {
  ...meta,
  id: 'zinnen-bouwen-werk',
  title: 'Op het werk',
  level: 'A2',
  type: 'order',
  items: [
    { id: 'i1', sentence: 'Ik begin om negen uur.' },
    { id: 'i2', sentence: 'Mijn collega drinkt koffie.' },
    { id: 'i3', sentence: 'De baas is vandaag ziek.' },
  ],
};

export const CLOZE: ClozeExercise = {
  ...meta,
  id: 'verleden-tijd',
  title: 'Gisteren',
  level: 'B1',
  type: 'cloze',
  items: [
    { id: 'i1', sentence: 'Gisteren werkte ik thuis.', blanks: [{ answer: 'werkte' }] },
    { id: 'i2', sentence: 'Wij fietsten naar het strand.', blanks: [{ answer: 'fietsten' }] },
    { id: 'i3', sentence: 'Zij kookte een lekkere soep.', blanks: [{ answer: 'kookte' }] },
  ],
  wordBank: null,
};

export const AUTHORED: readonly Exercise[] = [BUCKETS, MATCH, ORDER, CLOZE];

/** A learning card of this week (added on `addedAt`). */
export function practiceCard(lemma: string, fields: Partial<PracticeWord> = {}): PracticeWord {
  return { key: `c-${lemma}`, lemma, article: null, translation: null, sentence: null, addedAt: NOW, ...fields };
}

export const WEEK_CARDS: PracticeWord[] = [
  practiceCard('fiets', { article: 'de', translation: 'bicycle', sentence: 'Mijn fiets staat voor de deur.' }),
  practiceCard('huis', { article: 'het', translation: 'house', sentence: 'Het huis heeft een grote tuin.' }),
  practiceCard('markt', { article: 'de', translation: 'market', sentence: 'Op zaterdag ga ik naar de markt.' }),
  practiceCard('brood', { article: 'het', translation: 'bread', sentence: 'Ik koop vers brood bij de bakker.' }),
  practiceCard('werken', { translation: 'to work', sentence: 'Wij werken elke dag tot vijf uur.' }),
  practiceCard('raam', { article: 'het', translation: 'window', sentence: 'Doe het raam maar open.' }),
];

/** Everything an exercises handler needs, in memory, wired as the module wires it. */
export function exercisesFixture(now = NOW) {
  const catalog = new MemoryExerciseCatalog();
  for (const exercise of AUTHORED) catalog.add(exercise);
  const students = new MemoryStudentExerciseStore();
  const sets = new MemoryWeeklySetStore();
  const words = new MemoryPracticeWordSource();
  const clock = new TestClock(now);
  const finder = new ExerciseFinder(catalog, sets);
  return { catalog, students, sets, words, clock, finder };
}

export type ExercisesFixture = ReturnType<typeof exercisesFixture>;

/** What a promise was refused with (null when it was not). */
export const refusalOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );
