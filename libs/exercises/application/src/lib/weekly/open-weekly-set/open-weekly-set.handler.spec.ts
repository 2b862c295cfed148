import { ANNA, BORIS, exercisesFixture, MATCH, NOW, practiceCard, WEEK_CARDS } from '../../../test-support/exercises-fixture';
import { OpenWeeklySetCommand } from './open-weekly-set.command';
import { OpenWeeklySetHandler } from './open-weekly-set.handler';

const WEEK = 7 * 24 * 60 * 60 * 1000;

describe('OpenWeeklySetHandler', () => {
  const setUp = () => {
    const fixture = exercisesFixture();
    return { fixture, handler: new OpenWeeklySetHandler(fixture.sets, fixture.students, fixture.words, fixture.clock.read) };
  };

  it("makes the week's set from the cards added this week, once, and keeps it", async () => {
    const { fixture, handler } = setUp();
    fixture.words.cardsOf.set(ANNA, WEEK_CARDS);
    const set = await handler.execute(new OpenWeeklySetCommand(ANNA));
    expect(set).toMatchObject({ week: '2026-W11', weekStart: '2026-03-09', basis: 'week' });
    expect(set.items.map((exercise) => exercise.type)).toEqual(['buckets', 'match', 'cloze', 'order']);
    expect(set.items.every((exercise) => exercise.source === 'weekly' && exercise.id.startsWith('wk-2026-w11-'))).toBe(true);
    // Without answers: neither the sentences nor the blanks' words.
    expect(JSON.stringify(set.items)).not.toContain('Op zaterdag ga ik naar de markt');

    // A card added later in the week does not change the set: it is read, not made again.
    fixture.words.cardsOf.set(ANNA, [practiceCard('kaas', { article: 'de', translation: 'cheese' }), ...WEEK_CARDS]);
    fixture.clock.advance(60_000);
    expect(await handler.execute(new OpenWeeklySetCommand(ANNA))).toEqual(set);
    expect(fixture.words.asked).toEqual([`cards:${ANNA}`]);
    expect(fixture.sets.inserts).toBe(1);
  });

  it('makes a new set in the next week', async () => {
    const { fixture, handler } = setUp();
    fixture.words.cardsOf.set(ANNA, WEEK_CARDS);
    const first = await handler.execute(new OpenWeeklySetCommand(ANNA));
    fixture.clock.advance(WEEK);
    const next = await handler.execute(new OpenWeeklySetCommand(ANNA));
    expect(next).toMatchObject({ week: '2026-W12', weekStart: '2026-03-16', basis: 'learning' });
    expect(next.items[0].id).not.toBe(first.items[0].id);
  });

  it("falls back to dictionary words of the student's level when they have too few words", async () => {
    const { fixture, handler } = setUp();
    const dictionary = ['tafel', 'stoel', 'kast', 'lamp', 'deur', 'vloer'].map((lemma, index) =>
      practiceCard(lemma, { key: `w-${lemma}`, article: index % 2 ? 'de' : 'het', translation: `${lemma} (en)`, sentence: `Hier staat een ${lemma} in de kamer.`, addedAt: null }),
    );
    fixture.words.dictionary.set('A2', dictionary);
    fixture.words.cardsOf.set(BORIS, [WEEK_CARDS[0]]);
    // Boris's latest exercise was an A2 one: the dictionary words are of his level.
    await fixture.students.addAttempt({ id: 'a1', userId: BORIS, exerciseId: MATCH.id, source: 'authored', weekStart: null, type: 'match', level: 'A2', answers: [], results: [], score: 1, maxScore: 3, at: NOW }, {} as never);
    const set = await handler.execute(new OpenWeeklySetCommand(BORIS));
    expect(set.basis).toBe('dictionary');
    expect(fixture.words.asked).toEqual([`cards:${BORIS}`, 'level:A2']);
    expect(set.items.every((exercise) => exercise.level === 'A2')).toBe(true);
    expect(set.items.map((exercise) => exercise.type)).toEqual(['buckets', 'match', 'cloze', 'order']);
  });

  it('does not keep a set that came out empty', async () => {
    const { fixture, handler } = setUp();
    expect(await handler.execute(new OpenWeeklySetCommand(ANNA))).toEqual({ week: '2026-W11', weekStart: '2026-03-09', basis: 'dictionary', items: [] });
    expect(fixture.sets.inserts).toBe(0);
    expect(fixture.words.asked).toEqual([`cards:${ANNA}`, 'level:A1']);
  });
});
