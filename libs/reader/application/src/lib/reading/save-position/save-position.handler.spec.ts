import { TextFinished, TextProgressed, type PositionBody } from '@tall/reader/contracts';
import { ANNA, BORIS, libraryText, ownText, readerFixture, refusalOf, type ReaderFixture } from '../../../test-support/reader-fixture';
import type { ReadingProgress } from '../../ports/reading-store.port';
import { SavePositionCommand } from './save-position.command';
import { PROGRESS_EVENT_INTERVAL_MS, SavePositionHandler } from './save-position.handler';

/** STORY: paragraphs of 1, 2 and 1 sentences. */
const LAST_PARAGRAPH = 2;

describe('SavePositionHandler', () => {
  let fixture: ReaderFixture;
  let handler: SavePositionHandler;
  const save = (position: PositionBody, textId = 'story', userId = ANNA) => handler.execute(new SavePositionCommand(userId, textId, position));
  const stored = (userId = ANNA, textId = 'story'): ReadingProgress => {
    const progress = fixture.reading.storedProgress(userId, textId);
    if (!progress) throw new Error(`no progress of ${userId} in ${textId}`);
    return progress;
  };

  beforeEach(() => {
    fixture = readerFixture();
    handler = new SavePositionHandler(fixture.texts, fixture.views, fixture.reading, fixture.clock.read);
    fixture.library.add(libraryText({ id: 'story', level: 'A2' }));
  });

  it('saves the position and adds up the seconds read', async () => {
    const first = await save({ paragraph: 0, sentence: 0, readingSeconds: 30 });
    expect(first).toEqual({ paragraph: 0, sentence: 0, readingSeconds: 30, finished: false, updatedAt: fixture.clock.now.toISOString() });
    fixture.clock.advance(30_000);
    const second = await save({ paragraph: 1, sentence: 1, readingSeconds: 25 });
    expect(second).toMatchObject({ paragraph: 1, sentence: 1, readingSeconds: 55, updatedAt: fixture.clock.now.toISOString() });
    expect(stored()).toMatchObject({ paragraph: 1, sentence: 1, paragraphs: 3, readingSeconds: 55, revision: 2 });
    // Going back is a position too; the seconds still add up.
    expect(await save({ paragraph: 0, sentence: 0, readingSeconds: 5 })).toMatchObject({ paragraph: 0, readingSeconds: 60 });
    // Each student's and each text's time is its own.
    expect(await save({ paragraph: 0, sentence: 0, readingSeconds: 7 }, 'story', BORIS)).toMatchObject({ readingSeconds: 7 });
  });

  it.each([
    [{ paragraph: 3, sentence: 0 }, /3 paragraphs \(0–2\)/],
    [{ paragraph: 0, sentence: 1 }, /Paragraph 0 has 1 sentences \(0–0\)/],
    [{ paragraph: 1, sentence: 2 }, /Paragraph 1 has 2 sentences/],
  ])('refuses a position beyond the text: %j', async (position, message) => {
    const refused = await refusalOf(save({ ...position, readingSeconds: 10 }));
    expect(refused).toMatchObject({ code: 'POSITION_OUT_OF_RANGE' });
    expect((refused as Error).message).toMatch(message);
    expect(fixture.reading.progress.size).toBe(0);
    expect(fixture.reading.events).toEqual([]);
  });

  it('finishes the text at its last paragraph, with text.finished exactly once', async () => {
    await save({ paragraph: 1, sentence: 0, readingSeconds: 40 });
    fixture.clock.advance(60_000);
    const finished = await save({ paragraph: LAST_PARAGRAPH, sentence: 0, readingSeconds: 20 });
    expect(finished).toMatchObject({ paragraph: LAST_PARAGRAPH, finished: true, readingSeconds: 60 });
    const events = fixture.reading.eventsOf(TextFinished.type);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      key: ANNA,
      payload: { userId: ANNA, textId: 'story', source: 'library', level: 'A2', readingSeconds: 60, at: fixture.clock.now.toISOString() },
    });

    // Saved at the end again, and read again from the start: finished it stays, and says so once.
    fixture.clock.advance(PROGRESS_EVENT_INTERVAL_MS);
    expect(await save({ paragraph: LAST_PARAGRAPH, sentence: 0, readingSeconds: 10 })).toMatchObject({ finished: true, readingSeconds: 70 });
    expect(await save({ paragraph: 0, sentence: 0, readingSeconds: 10 })).toMatchObject({ finished: true });
    expect(fixture.reading.eventsOf(TextFinished.type)).toHaveLength(1);
  });

  it('reports the reading time with text.progressed at most every five minutes', async () => {
    const progressed = () => fixture.reading.eventsOf(TextProgressed.type);
    await save({ paragraph: 0, sentence: 0, readingSeconds: 30 });
    expect(progressed()).toHaveLength(1);
    expect(progressed()[0].payload).toEqual({
      userId: ANNA,
      textId: 'story',
      source: 'library',
      level: 'A2',
      wordCount: expect.any(Number),
      paragraph: 0,
      paragraphs: 3,
      readingSeconds: 30,
      at: fixture.clock.now.toISOString(),
    });

    for (let step = 1; step < 10; step++) {
      fixture.clock.advance(30_000);
      await save({ paragraph: 1, sentence: 0, readingSeconds: 30 });
    }
    // Four and a half minutes later: nine saves, no second event.
    expect(progressed()).toHaveLength(1);
    fixture.clock.advance(30_000);
    await save({ paragraph: 1, sentence: 1, readingSeconds: 30 });
    expect(progressed()).toHaveLength(2);
    expect(progressed()[1].payload).toMatchObject({ paragraph: 1, readingSeconds: 330 });
  });

  it('reports nothing for a save without reading time', async () => {
    await save({ paragraph: 1, sentence: 0, readingSeconds: 0 });
    expect(fixture.reading.events).toEqual([]);
    expect(stored().progressReportedAt).toBeNull();
    // So the first save with time still reports at once.
    fixture.clock.advance(10_000);
    await save({ paragraph: 1, sentence: 0, readingSeconds: 10 });
    expect(fixture.reading.eventsOf(TextProgressed.type)).toHaveLength(1);
  });

  it('retries a save that lost to a concurrent one, counting neither request twice', async () => {
    await save({ paragraph: 0, sentence: 0, readingSeconds: 30 });
    // Another tab of the same student saves 40 seconds between this request's read and write.
    fixture.reading.beforeNextProgressWrite(() => {
      const current = stored();
      fixture.reading.writeProgressDirectly({ ...current, paragraph: 1, readingSeconds: current.readingSeconds + 40, revision: current.revision + 1 });
    });
    fixture.clock.advance(30_000);
    const writesBefore = fixture.reading.progressWrites;
    const answer = await save({ paragraph: 1, sentence: 1, readingSeconds: 20 });
    expect(fixture.reading.progressWrites - writesBefore).toBe(2);
    expect(answer).toMatchObject({ paragraph: 1, sentence: 1, readingSeconds: 90 });
    expect(stored()).toMatchObject({ readingSeconds: 90, revision: 3 });
  });

  it('does not finish twice when a concurrent save finished the text first', async () => {
    await save({ paragraph: 0, sentence: 0, readingSeconds: 30 });
    fixture.reading.beforeNextProgressWrite(() => {
      const current = stored();
      fixture.reading.writeProgressDirectly({ ...current, paragraph: LAST_PARAGRAPH, finished: true, revision: current.revision + 1 });
      fixture.reading.events.push({ ...fixture.reading.events[0], type: TextFinished.type });
    });
    await save({ paragraph: LAST_PARAGRAPH, sentence: 0, readingSeconds: 5 });
    expect(fixture.reading.eventsOf(TextFinished.type)).toHaveLength(1);
    expect(stored()).toMatchObject({ finished: true, readingSeconds: 35 });
  });

  it('gives up after five lost races instead of looping', async () => {
    await save({ paragraph: 0, sentence: 0, readingSeconds: 30 });
    for (let race = 0; race < 5; race++) {
      fixture.reading.beforeNextProgressWrite(() => {
        const current = stored();
        fixture.reading.writeProgressDirectly({ ...current, revision: current.revision + 1 });
      });
    }
    expect(await refusalOf(save({ paragraph: 1, sentence: 0, readingSeconds: 5 }))).toMatchObject({ message: expect.stringMatching(/kept changing/) });
    expect(stored().readingSeconds).toBe(30);
  });

  it("refuses another student's own text as not found", async () => {
    await fixture.own.insert(ownText(BORIS, { id: 'boris-text' }));
    expect(await refusalOf(save({ paragraph: 0, sentence: 0, readingSeconds: 5 }, 'boris-text'))).toMatchObject({ code: 'TEXT_NOT_FOUND' });
    expect(await save({ paragraph: 0, sentence: 0, readingSeconds: 5 }, 'boris-text', BORIS)).toMatchObject({ readingSeconds: 5 });
    expect(fixture.reading.eventsOf(TextProgressed.type)[0].payload).toMatchObject({ source: 'own', level: null });
  });
});
