import { BUCKETS, CLOZE, MATCH, ORDER } from '../../test-support/sample-exercises';
import { publicExercise } from './public-exercise';

const context = { source: 'authored' as const, lastScore: null, salt: 'x:1' };

describe('publicExercise', () => {
  it('carries no answers: no sentence to build, no pairing, no bucket, no blank', () => {
    for (const exercise of [ORDER, MATCH, BUCKETS, CLOZE]) {
      const shown = JSON.stringify(publicExercise(exercise, context));
      expect(shown).not.toMatch(/"(answer|accepted|bucket|right|left|sentence)"/);
    }
    const order = publicExercise(ORDER, context);
    expect(JSON.stringify(order)).not.toContain('Ik ga morgen naar de markt');
    const cloze = publicExercise(CLOZE, context);
    expect(JSON.stringify(cloze.type === 'cloze' && cloze.items)).not.toMatch(/woon|werkt|fietst|half/);
  });

  it('shuffles the same way every time, never in order, and keeps every token, option and item', () => {
    const order = publicExercise(ORDER, context);
    if (order.type !== 'order') throw new Error('not an order exercise');
    expect(order.items[0]).toEqual({ id: 'i1', tokens: expect.arrayContaining(['Ik', 'ga', 'morgen', 'naar', 'de', 'markt']), ending: '.', hint: 'I am going to the market tomorrow.' });
    expect(order.items[0].tokens).not.toEqual(['Ik', 'ga', 'morgen', 'naar', 'de', 'markt']);
    expect(order.items[2]).toMatchObject({ ending: '?' });
    expect(publicExercise(ORDER, context)).toEqual(order);

    const match = publicExercise(MATCH, context);
    if (match.type !== 'match') throw new Error('not a match exercise');
    expect(match.items).toEqual([
      { id: 'i1', text: 'de appel' },
      { id: 'i2', text: 'de peer' },
      { id: 'i3', text: 'de kers' },
    ]);
    expect([...match.options].sort()).toEqual(['apple', 'cherry', 'pear']);
    expect(match.options).not.toEqual(['apple', 'pear', 'cherry']);

    const buckets = publicExercise(BUCKETS, context);
    if (buckets.type !== 'buckets') throw new Error('not a buckets exercise');
    expect(buckets.buckets).toEqual(BUCKETS.buckets);
    expect(buckets.items.map((item) => item.id).sort()).toEqual(['i1', 'i2', 'i3', 'i4']);
  });

  it('cuts cloze sentences at their blanks and offers a word bank of the answers and the extras', () => {
    const cloze = publicExercise(CLOZE, { ...context, source: 'weekly', lastScore: { score: 2, maxScore: 3, at: '2026-03-10T09:00:00.000Z' } });
    if (cloze.type !== 'cloze') throw new Error('not a cloze exercise');
    expect(cloze.items.map((item) => item.parts)).toEqual([['Ik ', ' in Utrecht.'], ['Zij ', ' in een café en zij ', ' naar huis.'], ['Het is tien over ', ' vijf.']]);
    expect([...(cloze.wordBank ?? [])].sort()).toEqual(['fietst', 'half', 'loopt', 'werkt', 'woon']);
    expect(cloze).toMatchObject({ id: CLOZE.id, source: 'weekly', itemCount: 3, lastScore: { score: 2 }, instructions: CLOZE.instructions });
    expect(publicExercise({ ...CLOZE, wordBank: null }, context)).toMatchObject({ wordBank: null });
  });
});
