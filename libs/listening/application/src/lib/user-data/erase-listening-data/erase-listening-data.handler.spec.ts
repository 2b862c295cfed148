import { watchSomething } from '../../../test-support/listening-activity';
import { ANNA, BORIS, listeningFixture, readyVideo } from '../../../test-support/listening-fixture';
import { ExportListeningDataHandler } from '../export-listening-data/export-listening-data.handler';
import { ExportListeningDataQuery } from '../export-listening-data/export-listening-data.query';
import { EraseListeningDataCommand } from './erase-listening-data.command';
import { EraseListeningDataHandler } from './erase-listening-data.handler';

describe('EraseListeningDataHandler', () => {
  it("erases the student's positions, answers and devices, leaving other students alone, and may run twice", async () => {
    const fixture = listeningFixture();
    fixture.videos.add(readyVideo({ id: 'markt' }));
    await watchSomething(fixture, ANNA);
    await watchSomething(fixture, BORIS);
    const exportOf = (userId: string) => new ExportListeningDataHandler(fixture.students).execute(new ExportListeningDataQuery(userId));
    const borisBefore = await exportOf(BORIS);
    const erase = new EraseListeningDataHandler(fixture.students);
    await erase.execute(new EraseListeningDataCommand(ANNA));
    expect((await exportOf(ANNA)).data).toEqual({ videoPositions: [], answers: [], devices: [] });
    expect([...fixture.students.devices.values()].every((device) => device.userId === BORIS)).toBe(true);
    expect(await exportOf(BORIS)).toEqual(borisBefore);
    await expect(erase.execute(new EraseListeningDataCommand(ANNA))).resolves.toBeUndefined();
    // The library is no student's data.
    expect(await fixture.videos.get('markt')).not.toBeNull();
  });
});
