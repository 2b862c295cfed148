import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXERCISE_TYPES } from '@tall/exercises/contracts';
import { gradeExercise, orderTokens, publicExercise, SEED_EXERCISE_LEVELS, seedExerciseFileName, type Exercise, type GivenAnswer } from '@tall/exercises/domain';
import { readSeedExercises } from './seed-exercises';

// Checks the seed exercises beyond their schema and the domain's checks (which readSeedExercises
// applies): what a student or a teacher would be misled by, as the reader's seed spec does.

/** The dictionary's topics (the vocabulary seed): an exercise's topic must be one, at its level or below. */
const DICTIONARY_TOPICS_DIR = join(__dirname, '../../../../../vocabulary/infrastructure/src/assets/seed/topics');
const LEVEL_ORDER = ['A1', 'A2', 'B1', 'B2'];
/** Latin letters, digits, punctuation and spaces: nothing pasted from elsewhere. */
const ALLOWED_CHARACTERS = /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}]*$/u;

function dictionaryTopicLevels(): Map<string, string> {
  return new Map(
    readdirSync(DICTIONARY_TOPICS_DIR).map((name) => {
      const topic = JSON.parse(readFileSync(join(DICTIONARY_TOPICS_DIR, name), 'utf8')) as { slug: string; level: string };
      return [topic.slug, topic.level];
    }),
  );
}

/** The answers the exercise itself holds, as a student would send them. */
function ownAnswers(exercise: Exercise): Array<{ itemId: string; answer: GivenAnswer }> {
  switch (exercise.type) {
    case 'order':
      return exercise.items.map((item) => ({ itemId: item.id, answer: orderTokens(item.sentence).tokens }));
    case 'match':
      return exercise.items.map((item) => ({ itemId: item.id, answer: item.right }));
    case 'buckets':
      return exercise.items.map((item) => ({ itemId: item.id, answer: item.bucket }));
    case 'cloze':
      return exercise.items.map((item) => ({ itemId: item.id, answer: item.blanks.map((blank) => blank.answer) }));
  }
}

/** Every text a student reads in the exercise. */
function textsOf(exercise: Exercise): string[] {
  const texts = [exercise.title, exercise.instructions];
  switch (exercise.type) {
    case 'order':
      return [...texts, ...exercise.items.flatMap((item) => [item.sentence, ...(item.accepted ?? []), item.hint ?? ''])];
    case 'match':
      return [...texts, ...exercise.items.flatMap((item) => [item.left, item.right])];
    case 'buckets':
      return [...texts, ...exercise.buckets.map((bucket) => bucket.label), ...exercise.items.map((item) => item.text)];
    case 'cloze':
      return [...texts, ...exercise.items.flatMap((item) => [item.sentence, item.hint ?? '']), ...(exercise.wordBank?.extra ?? [])];
  }
}

describe('the seed exercises', () => {
  const seed = readSeedExercises();
  const topics = dictionaryTopicLevels();

  it('has at least 24 exercises, every type at every level from A1 to B1', () => {
    expect(seed.length).toBeGreaterThanOrEqual(24);
    const coverage = Object.fromEntries(SEED_EXERCISE_LEVELS.map((level) => [level, EXERCISE_TYPES.filter((type) => seed.some(({ exercise }) => exercise.level === level && exercise.type === type))]));
    expect(coverage).toEqual({ A1: [...EXERCISE_TYPES], A2: [...EXERCISE_TYPES], B1: [...EXERCISE_TYPES] });
  });

  it('names each file after its place and slug, with unique slugs and titles', () => {
    expect(seed.map(({ file }) => file)).toEqual(seed.map(({ exercise }, index) => seedExerciseFileName(index + 1, exercise.id)));
    expect(new Set(seed.map(({ exercise }) => exercise.id)).size).toBe(seed.length);
    expect(new Set(seed.map(({ exercise }) => exercise.title.toLowerCase())).size).toBe(seed.length);
  });

  it('gives topics of the dictionary, at the exercise’s level or below', () => {
    const problems = seed
      .filter(({ exercise }) => exercise.topic !== null)
      .flatMap(({ file, exercise }) => {
        const level = topics.get(exercise.topic as string);
        if (!level) return [`${file}: topic "${exercise.topic}" is not a dictionary topic`];
        return LEVEL_ORDER.indexOf(level) > LEVEL_ORDER.indexOf(exercise.level) ? [`${file}: a ${exercise.level} exercise on the ${level} topic "${exercise.topic}"`] : [];
      });
    expect(problems).toEqual([]);
  });

  it('writes in Latin letters, digits and punctuation only', () => {
    const problems = seed.flatMap(({ file, exercise }) => textsOf(exercise).filter((text) => !ALLOWED_CHARACTERS.test(text)).map((text) => `${file}: "${text}"`));
    expect(problems).toEqual([]);
  });

  it('sorts into at least two buckets, and ends every sentence to build or fill in', () => {
    const problems = seed.flatMap(({ file, exercise }) => {
      if (exercise.type === 'buckets') return new Set(exercise.items.map((item) => item.bucket)).size < 2 ? [`${file}: every item in one bucket`] : [];
      if (exercise.type === 'order' || exercise.type === 'cloze') return exercise.items.filter((item) => !/[.!?]$/.test(item.sentence)).map((item) => `${file}: ${item.id} does not end a sentence`);
      return [];
    });
    expect(problems).toEqual([]);
  });

  it('grades every exercise full marks for its own answers, and shows it without them', () => {
    for (const { file, exercise } of seed) {
      expect({ file, score: gradeExercise(exercise, ownAnswers(exercise)).score }).toEqual({ file, score: exercise.items.length });
      const shown = JSON.stringify(publicExercise(exercise, { source: 'authored', lastScore: null, salt: `${exercise.id}:1` }));
      expect({ file, keys: shown.match(/"(answer|accepted|bucket|right|left|sentence|blanks)"/g) }).toEqual({ file, keys: null });
    }
  });
});
