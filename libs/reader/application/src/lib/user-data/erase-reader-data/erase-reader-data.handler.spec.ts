import { readSomething } from '../../../test-support/reader-activity';
import { ANNA, BORIS, readerFixture } from '../../../test-support/reader-fixture';
import { ExportReaderDataHandler } from '../export-reader-data/export-reader-data.handler';
import { ExportReaderDataQuery } from '../export-reader-data/export-reader-data.query';
import { EraseReaderDataCommand } from './erase-reader-data.command';
import { EraseReaderDataHandler } from './erase-reader-data.handler';

describe('EraseReaderDataHandler', () => {
  it("erases the student's own texts and reading data, leaving other students' alone, and may run twice", async () => {
    const fixture = readerFixture();
    const anna = await readSomething(fixture, ANNA);
    const boris = await readSomething(fixture, BORIS);
    const exportOf = (userId: string) => new ExportReaderDataHandler(fixture.own, fixture.reading).execute(new ExportReaderDataQuery(userId));
    const borisBefore = await exportOf(BORIS);
    const erase = new EraseReaderDataHandler(fixture.own, fixture.reading);

    await erase.execute(new EraseReaderDataCommand(ANNA));
    expect((await exportOf(ANNA)).data).toEqual({ ownTexts: [], wordStates: [], readingPositions: [], savedWords: [], testAttempts: [] });
    expect(await fixture.own.get(anna.ownTextId)).toBeNull();
    expect(await fixture.reading.attemptsOf(ANNA, 'tested')).toEqual([]);
    expect(await fixture.reading.statesOf(ANNA)).toEqual(new Map());

    expect(await exportOf(BORIS)).toEqual(borisBefore);
    expect(await fixture.own.get(boris.ownTextId)).not.toBeNull();
    // The library is no student's data.
    expect(await fixture.library.get('tested')).not.toBeNull();

    await expect(erase.execute(new EraseReaderDataCommand(ANNA))).resolves.toBeUndefined();
  });
});
