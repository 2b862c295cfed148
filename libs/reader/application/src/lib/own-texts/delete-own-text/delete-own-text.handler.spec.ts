import type { ReadingProgress } from '../../ports/reading-store.port';
import { ANNA, BORIS, libraryText, ownText, readerFixture, refusalOf, type ReaderFixture } from '../../../test-support/reader-fixture';
import { ReaderError } from '../../reader-error';
import { DeleteOwnTextCommand } from './delete-own-text.command';
import { DeleteOwnTextHandler } from './delete-own-text.handler';

describe('DeleteOwnTextHandler', () => {
  let fixture: ReaderFixture;
  let handler: DeleteOwnTextHandler;
  const remove = (textId: string, userId = ANNA) => handler.execute(new DeleteOwnTextCommand(userId, textId));
  const progress = (userId: string, textId: string): ReadingProgress => ({
    userId,
    textId,
    paragraph: 1,
    sentence: 0,
    paragraphs: 3,
    readingSeconds: 60,
    finished: false,
    openedAt: fixture.clock.now,
    progressReportedAt: null,
    updatedAt: fixture.clock.now,
    revision: 1,
  });

  beforeEach(async () => {
    fixture = readerFixture();
    handler = new DeleteOwnTextHandler(fixture.library, fixture.own, fixture.reading);
    fixture.library.add(libraryText({ id: 'story' }));
    await fixture.own.insert(ownText(ANNA, { id: 'annas-text' }));
    await fixture.own.insert(ownText(ANNA, { id: 'annas-other-text' }));
    await fixture.own.insert(ownText(BORIS, { id: 'boris-text' }));
    for (const [userId, textId] of [
      [ANNA, 'annas-text'],
      [ANNA, 'annas-other-text'],
      [ANNA, 'story'],
      [BORIS, 'boris-text'],
    ]) {
      fixture.reading.writeProgressDirectly(progress(userId, textId));
    }
  });

  it("deletes the student's own text and where they were in it, and nothing else", async () => {
    await remove('annas-text');
    expect(await fixture.own.get('annas-text')).toBeNull();
    expect(fixture.reading.storedProgress(ANNA, 'annas-text')).toBeUndefined();
    expect([...(await fixture.reading.progressOf(ANNA)).keys()].sort()).toEqual(['annas-other-text', 'story']);
    expect((await fixture.own.listOf(ANNA)).map((text) => text.id)).toEqual(['annas-other-text']);
    expect(await fixture.own.get('boris-text')).not.toBeNull();
    // Gone: a second delete finds nothing.
    expect(await refusalOf(remove('annas-text'))).toMatchObject({ code: 'TEXT_NOT_FOUND' });
  });

  it('refuses a library text as not hers to delete', async () => {
    const refused = await refusalOf(remove('story'));
    expect(refused).toBeInstanceOf(ReaderError);
    expect(refused).toMatchObject({ code: 'NOT_YOUR_TEXT' });
    expect(await fixture.library.get('story')).not.toBeNull();
    expect(fixture.reading.storedProgress(ANNA, 'story')).toBeDefined();
  });

  it("refuses another student's text as not found, leaving it and their position", async () => {
    expect(await refusalOf(remove('boris-text'))).toMatchObject({ code: 'TEXT_NOT_FOUND' });
    expect(await fixture.own.get('boris-text')).not.toBeNull();
    expect(fixture.reading.storedProgress(BORIS, 'boris-text')).toBeDefined();
    expect(await refusalOf(remove('no-such-text'))).toMatchObject({ code: 'TEXT_NOT_FOUND' });
  });
});
