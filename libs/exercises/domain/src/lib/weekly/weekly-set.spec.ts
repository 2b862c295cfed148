import { exerciseProblems } from '../exercise/exercise-problems';
import { gradeExercise } from '../exercise/grade-exercise';
import { orderTokens } from '../exercise/sentence-parts';
import { chooseWeeklyWords, generateWeeklyExercises, studentLevel, type PracticeWord } from './weekly-set';

const ANNA = '0b6f1c7e-5a2d-4e8f-9b3c-1d2e3f4a5b6c';
const WEEK = '2026-W11';
const THIS_WEEK = new Date('2026-03-10T09:00:00Z');
const LAST_MONTH = new Date('2026-02-10T09:00:00Z');

const card = (lemma: string, fields: Partial<PracticeWord> = {}): PracticeWord => ({ key: `c-${lemma}`, lemma, article: null, translation: null, sentence: null, addedAt: THIS_WEEK, ...fields });

const WEEK_CARDS: PracticeWord[] = [
  card('fiets', { article: 'de', translation: 'bicycle', sentence: 'Mijn fiets staat voor de deur.' }),
  card('huis', { article: 'het', translation: 'house', sentence: 'Het huis heeft een grote tuin.' }),
  card('markt', { article: 'de', translation: 'market', sentence: 'Op zaterdag ga ik naar de markt.' }),
  card('brood', { article: 'het', translation: 'bread', sentence: 'Ik koop vers brood bij de bakker.' }),
  card('werken', { translation: 'to work', sentence: 'Wij werken elke dag tot vijf uur.' }),
  card('gezellig', { translation: 'cosy', sentence: null }),
  card('raam', { article: 'het', translation: 'window', sentence: 'Doe het raam maar open.' }),
];

describe('chooseWeeklyWords', () => {
  it('takes the cards added this week when there are enough', () => {
    const chosen = chooseWeeklyWords({ week: WEEK, cards: [...WEEK_CARDS, card('oud', { addedAt: LAST_MONTH })], dictionary: [], salt: ANNA });
    expect(chosen.basis).toBe('week');
    expect(chosen.words.map((word) => word.lemma)).toEqual(WEEK_CARDS.map((word) => word.lemma));
  });

  it('adds the words being learnt when the week has too few, then dictionary words', () => {
    const older = ['kaas', 'melk', 'boter', 'ei'].map((lemma) => card(lemma, { addedAt: LAST_MONTH }));
    const learning = chooseWeeklyWords({ week: WEEK, cards: [WEEK_CARDS[0], WEEK_CARDS[1], ...older], dictionary: [], salt: ANNA });
    expect(learning).toMatchObject({ basis: 'learning' });
    expect(learning.words.map((word) => word.lemma)).toEqual(['fiets', 'huis', 'kaas', 'melk', 'boter', 'ei']);

    const dictionary = ['tafel', 'stoel', 'bed', 'kast', 'lamp'].map((lemma) => card(lemma, { key: `w-${lemma}`, addedAt: null }));
    const few = chooseWeeklyWords({ week: WEEK, cards: [WEEK_CARDS[0]], dictionary, salt: ANNA });
    expect(few.basis).toBe('dictionary');
    expect(few.words).toHaveLength(6);
    expect(few.words[0].lemma).toBe('fiets');
    expect(chooseWeeklyWords({ week: WEEK, cards: [WEEK_CARDS[0]], dictionary, salt: ANNA })).toEqual(few);
    expect(chooseWeeklyWords({ week: WEEK, cards: [], dictionary, salt: ANNA }).words).toHaveLength(5);
  });
});

describe('studentLevel', () => {
  it('follows their latest exercise, and starts at A1', () => {
    expect(studentLevel('B1')).toBe('B1');
    expect(studentLevel(null)).toBe('A1');
  });
});

describe('generateWeeklyExercises', () => {
  const set = generateWeeklyExercises({ userId: ANNA, week: WEEK, level: 'A2', words: WEEK_CARDS });

  it('makes de/het, matching, cloze and order exercises from the words, all valid', () => {
    expect(set.map((exercise) => exercise.type)).toEqual(['buckets', 'match', 'cloze', 'order']);
    expect(set.map(exerciseProblems)).toEqual([[], [], [], []]);
    expect(set.every((exercise) => exercise.level === 'A2' && exercise.id.startsWith('wk-2026-w11-'))).toBe(true);
    const [buckets, match, cloze, order] = set;
    if (buckets.type !== 'buckets' || match.type !== 'match' || cloze.type !== 'cloze' || order.type !== 'order') throw new Error('kinds out of order');
    expect(buckets.items.map((item) => `${item.bucket} ${item.text}`).sort()).toEqual(['de fiets', 'de markt', 'het brood', 'het huis', 'het raam']);
    expect(match.items).toContainEqual(expect.objectContaining({ left: 'de fiets', right: 'bicycle' }));
    expect(match.items).toContainEqual(expect.objectContaining({ left: 'gezellig', right: 'cosy' }));
    // Only the sentences that hold their word whole become blanks ("werken" stands in its sentence).
    expect(cloze.items.map((item) => item.blanks[0].answer).sort()).toEqual(['brood', 'fiets', 'huis', 'markt', 'raam', 'werken']);
    expect(order.items).toHaveLength(5);
  });

  it('is the same every time for the same student and week, and differs for another week', () => {
    expect(generateWeeklyExercises({ userId: ANNA, week: WEEK, level: 'A2', words: [...WEEK_CARDS].reverse() })).toEqual(set);
    expect(generateWeeklyExercises({ userId: ANNA, week: '2026-W12', level: 'A2', words: WEEK_CARDS })[0].id).not.toBe(set[0].id);
  });

  it('grades its own answers full marks', () => {
    for (const exercise of set) {
      const answers = exercise.items.map((item) => {
        switch (exercise.type) {
          case 'buckets':
            return { itemId: item.id, answer: (item as { bucket: string }).bucket };
          case 'match':
            return { itemId: item.id, answer: (item as { right: string }).right };
          case 'cloze':
            return { itemId: item.id, answer: (item as { blanks: Array<{ answer: string }> }).blanks.map((blank) => blank.answer) };
          case 'order':
            return { itemId: item.id, answer: orderTokens((item as { sentence: string }).sentence).tokens };
        }
      });
      expect({ id: exercise.id, score: gradeExercise(exercise, answers).score }).toEqual({ id: exercise.id, score: exercise.items.length });
    }
  });

  it('leaves out a kind with fewer than three usable words', () => {
    const fewNouns = WEEK_CARDS.filter((word) => word.lemma !== 'huis' && word.lemma !== 'brood' && word.lemma !== 'raam');
    expect(generateWeeklyExercises({ userId: ANNA, week: WEEK, level: 'A1', words: fewNouns }).map((exercise) => exercise.type)).toEqual(['match', 'cloze', 'order']);
    const withoutSentences = WEEK_CARDS.map((word) => ({ ...word, sentence: null }));
    expect(generateWeeklyExercises({ userId: ANNA, week: WEEK, level: 'A1', words: withoutSentences }).map((exercise) => exercise.type)).toEqual(['buckets', 'match']);
    expect(generateWeeklyExercises({ userId: ANNA, week: WEEK, level: 'A1', words: [] })).toEqual([]);
  });
});
