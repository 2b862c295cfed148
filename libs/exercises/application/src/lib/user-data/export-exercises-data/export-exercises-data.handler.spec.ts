import { ANNA, BORIS, exercisesFixture, MATCH, WEEK_CARDS } from '../../../test-support/exercises-fixture';
import { SubmitExerciseAttemptCommand } from '../../attempts/submit-attempt/submit-attempt.command';
import { SubmitExerciseAttemptHandler } from '../../attempts/submit-attempt/submit-attempt.handler';
import { OpenWeeklySetCommand } from '../../weekly/open-weekly-set/open-weekly-set.command';
import { OpenWeeklySetHandler } from '../../weekly/open-weekly-set/open-weekly-set.handler';
import { EraseExercisesDataCommand } from '../erase-exercises-data/erase-exercises-data.command';
import { EraseExercisesDataHandler } from '../erase-exercises-data/erase-exercises-data.handler';
import { ExportExercisesDataHandler } from './export-exercises-data.handler';
import { ExportExercisesDataQuery } from './export-exercises-data.query';

/** A student who did an exercise and opened their weekly set. */
async function practise(fixture: ReturnType<typeof exercisesFixture>, userId: string) {
  fixture.words.cardsOf.set(userId, WEEK_CARDS);
  await new OpenWeeklySetHandler(fixture.sets, fixture.students, fixture.words, fixture.clock.read).execute(new OpenWeeklySetCommand(userId));
  return new SubmitExerciseAttemptHandler(fixture.finder, fixture.students, fixture.clock.read).execute(
    new SubmitExerciseAttemptCommand(userId, MATCH.id, { answers: [{ itemId: 'i1', answer: 'apple' }] }),
  );
}

describe('ExportExercisesDataHandler and EraseExercisesDataHandler', () => {
  it("export the student's attempts with their answers and weekly sets with their sentences, and nobody else's", async () => {
    const fixture = exercisesFixture();
    const attempt = await practise(fixture, ANNA);
    await practise(fixture, BORIS);
    const section = await new ExportExercisesDataHandler(fixture.students, fixture.sets).execute(new ExportExercisesDataQuery(ANNA));
    expect(section.context).toBe('exercises');
    expect(section.data['attempts']).toEqual([
      expect.objectContaining({ id: attempt.id, userId: ANNA, exerciseId: MATCH.id, answers: [{ itemId: 'i1', answer: 'apple' }], score: 1, maxScore: 3, at: attempt.at }),
    ]);
    expect(section.data['weeklySets']).toEqual([expect.objectContaining({ week: '2026-W11', weekStart: '2026-03-09', basis: 'week' })]);
    expect(JSON.stringify(section.data)).toContain('Op zaterdag ga ik naar de markt.');
    expect(JSON.stringify(section.data)).not.toContain(BORIS);
    expect(section.purposes.length).toBeGreaterThan(0);
    expect(section.recipients.length).toBeGreaterThan(0);
  });

  it('erase them, twice without harm, leaving other students alone', async () => {
    const fixture = exercisesFixture();
    await practise(fixture, ANNA);
    await practise(fixture, BORIS);
    const erase = new EraseExercisesDataHandler(fixture.students, fixture.sets);
    await erase.execute(new EraseExercisesDataCommand(ANNA));
    await erase.execute(new EraseExercisesDataCommand(ANNA));
    const exported = await new ExportExercisesDataHandler(fixture.students, fixture.sets).execute(new ExportExercisesDataQuery(ANNA));
    expect(exported.data).toEqual({ attempts: [], weeklySets: [] });
    expect(await fixture.students.attemptsOf(BORIS)).toHaveLength(1);
    expect(await fixture.sets.listOf(BORIS)).toHaveLength(1);
  });
});
