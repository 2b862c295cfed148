import { ANNA, BORIS, BUCKETS, CLOZE, exercisesFixture, MATCH, NOW, ORDER } from '../../../test-support/exercises-fixture';
import { ListExercisesHandler } from './list-exercises.handler';
import { ListExercisesQuery } from './list-exercises.query';

describe('ListExercisesHandler', () => {
  const setUp = () => {
    const fixture = exercisesFixture();
    fixture.catalog.add({ ...MATCH, id: 'verborgen', title: 'Nog niet gepubliceerd' }, { published: false });
    return { fixture, handler: new ListExercisesHandler(fixture.catalog, fixture.students) };
  };

  it('lists published exercises by level, type and title, without answers', async () => {
    const { handler } = setUp();
    const list = await handler.execute(new ListExercisesQuery(ANNA, {}));
    expect(list).toMatchObject({ total: 4, page: 1, pageSize: 20 });
    expect(list.items.map((item) => item.id)).toEqual([MATCH.id, BUCKETS.id, ORDER.id, CLOZE.id]);
    expect(list.items[1]).toEqual({ id: BUCKETS.id, title: BUCKETS.title, type: 'buckets', level: 'A1', topic: 'house', source: 'authored', itemCount: 3, lastScore: null });
  });

  it('filters by type, level and topic, and pages', async () => {
    const { handler } = setUp();
    const ids = async (filter: ConstructorParameters<typeof ListExercisesQuery>[1]) => (await handler.execute(new ListExercisesQuery(ANNA, filter))).items.map((item) => item.id);
    expect(await ids({ type: 'cloze' })).toEqual([CLOZE.id]);
    expect(await ids({ level: 'A1' })).toEqual([MATCH.id, BUCKETS.id]);
    expect(await ids({ topic: 'house' })).toEqual([BUCKETS.id]);
    expect(await ids({ page: 2, pageSize: 3 })).toEqual([CLOZE.id]);
    expect(await handler.execute(new ListExercisesQuery(ANNA, { page: 9 }))).toMatchObject({ items: [], total: 4, page: 9 });
  });

  it("shows the student's own latest score, and nobody else's", async () => {
    const { fixture, handler } = setUp();
    const attempt = { userId: ANNA, exerciseId: MATCH.id, source: 'authored' as const, weekStart: null, type: 'match' as const, level: 'A1' as const, answers: [], results: [], maxScore: 3 };
    await fixture.students.addAttempt({ ...attempt, id: 'a1', score: 1, at: NOW }, {} as never);
    await fixture.students.addAttempt({ ...attempt, id: 'a2', score: 3, at: new Date(NOW.getTime() + 60_000) }, {} as never);
    const mine = await handler.execute(new ListExercisesQuery(ANNA, { type: 'match' }));
    expect(mine.items[0].lastScore).toEqual({ score: 3, maxScore: 3, at: new Date(NOW.getTime() + 60_000).toISOString() });
    expect((await handler.execute(new ListExercisesQuery(BORIS, { type: 'match' }))).items[0].lastScore).toBeNull();
  });
});
