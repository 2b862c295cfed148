import type { TextListQuery } from '@tall/reader/contracts';
import { ANNA, BORIS, libraryText, ownText, QUESTIONS, readerFixture, type ReaderFixture } from '../../../test-support/reader-fixture';
import { ListTextsQuery } from './list-texts.query';
import { ListTextsHandler } from './list-texts.handler';

describe('ListTextsHandler', () => {
  let fixture: ReaderFixture;
  let handler: ListTextsHandler;
  const list = (filter: TextListQuery = {}, userId = ANNA) => handler.execute(new ListTextsQuery(userId, filter));
  const ids = async (filter: TextListQuery = {}, userId = ANNA) => (await list(filter, userId)).items.map((item) => item.id);

  beforeEach(async () => {
    fixture = readerFixture();
    handler = new ListTextsHandler(fixture.texts, fixture.views, fixture.reading);
    // Added out of order on purpose: the shelf order is the handler's.
    fixture.library.add(libraryText({ id: 'b1-aap', title: 'Aap', level: 'B1' }));
    fixture.library.add(libraryText({ id: 'a1-zon', title: 'Zon', level: 'A1', sections: [{ title: null, body: 'Huis, huis, huis. Een huis!' }] }));
    fixture.library.add(libraryText({ id: 'a2-markt', title: 'Markt', level: 'A2', topic: 'eten' }));
    fixture.library.add(libraryText({ id: 'a1-bakker', title: 'Bakker', level: 'A1' }));
    fixture.library.add(libraryText({ id: 'a2-examen', title: 'Examen', level: 'A2', source: 'test', test: { questions: QUESTIONS } }));
    fixture.library.add(libraryText({ id: 'archived', title: 'Oud', level: 'A1' }), false);
    await fixture.own.insert(ownText(ANNA, { id: 'anna-old', title: 'Mijn zondag', createdAt: new Date('2026-03-01T10:00:00Z') }));
    await fixture.own.insert(ownText(ANNA, { id: 'anna-new', title: 'Mijn brief', createdAt: new Date('2026-03-05T10:00:00Z') }));
    await fixture.own.insert(ownText(BORIS, { id: 'boris-text', title: 'Van Boris', createdAt: new Date('2026-03-09T10:00:00Z') }));
  });

  it("shows the student's own texts first, newest first, then the library by level and title", async () => {
    const answer = await list();
    expect(answer.items.map((item) => item.id)).toEqual(['anna-new', 'anna-old', 'a1-bakker', 'a1-zon', 'a2-examen', 'a2-markt', 'b1-aap']);
    expect(answer).toMatchObject({ total: 7, page: 1, pageSize: 20 });
    expect(await ids({}, BORIS)).toEqual(['boris-text', 'a1-bakker', 'a1-zon', 'a2-examen', 'a2-markt', 'b1-aap']);
  });

  it('sums up each text for the student', async () => {
    await fixture.reading.saveProgress(
      {
        userId: ANNA,
        textId: 'a1-bakker',
        paragraph: 1,
        sentence: 1,
        paragraphs: 3,
        readingSeconds: 80,
        finished: false,
        openedAt: fixture.clock.now,
        progressReportedAt: null,
        updatedAt: fixture.clock.now,
        revision: 1,
      },
      0,
      [],
    );
    const items = new Map((await list()).items.map((item) => [item.id, item]));
    expect(items.get('a1-bakker')).toEqual({
      id: 'a1-bakker',
      title: 'Bakker',
      level: 'A1',
      topic: 'wonen',
      source: 'library',
      wordCount: 25,
      knownPercent: 0,
      hasTest: false,
      estimatedLevel: 'A2',
      credit: 'Written for Tall',
      position: { paragraph: 1, sentence: 1, readingSeconds: 80, finished: false, updatedAt: fixture.clock.now.toISOString() },
      createdAt: '2026-03-02T08:00:00.000Z',
    });
    expect(items.get('a2-examen')).toMatchObject({ source: 'test', hasTest: true, position: null });
    expect(items.get('anna-new')).toMatchObject({ source: 'own', level: null, topic: null, credit: null, position: null });
  });

  it.each<[TextListQuery, string[]]>([
    [{ source: 'own' }, ['anna-new', 'anna-old']],
    [{ source: 'test' }, ['a2-examen']],
    [{ source: 'library' }, ['a1-bakker', 'a1-zon', 'a2-markt', 'b1-aap']],
    [{ level: 'A2' }, ['a2-examen', 'a2-markt']],
    [{ topic: 'eten' }, ['a2-markt']],
    [{ q: 'ZON' }, ['anna-old', 'a1-zon']],
    [{ q: 'mijn', source: 'own' }, ['anna-new', 'anna-old']],
    [{ level: 'B2' }, []],
  ])('filters by %j', async (filter, expected) => {
    const answer = await list(filter);
    expect(answer.items.map((item) => item.id)).toEqual(expected);
    expect(answer.total).toBe(expected.length);
  });

  it('keeps only texts of which the student knows enough, before paging', async () => {
    await fixture.reading.setState(ANNA, 'w-huis', 'known', fixture.clock.now);
    const known = new Map((await list()).items.map((item) => [item.id, item.knownPercent]));
    expect(known.get('a1-zon')).toBe(80);
    expect(known.get('a1-bakker')).toBeGreaterThan(0);
    expect(known.get('a1-bakker')).toBeLessThan(10);
    expect(await list({ minKnown: 50 })).toMatchObject({ items: [expect.objectContaining({ id: 'a1-zon' })], total: 1 });
    expect(await ids({ minKnown: 81 })).toEqual([]);
    expect((await list({ minKnown: 0 })).total).toBe(7);
    // Boris knows none of it.
    expect((await list({ minKnown: 50 }, BORIS)).total).toBe(0);
  });

  it('pages the list', async () => {
    expect(await list({ page: 2, pageSize: 3 })).toMatchObject({ total: 7, page: 2, pageSize: 3 });
    expect(await ids({ page: 2, pageSize: 3 })).toEqual(['a1-zon', 'a2-examen', 'a2-markt']);
    expect(await ids({ page: 3, pageSize: 3 })).toEqual(['b1-aap']);
    expect(await list({ page: 9, pageSize: 3 })).toMatchObject({ items: [], total: 7 });
  });
});
