import { watchSomething } from '../../../test-support/listening-activity';
import { ANNA, BORIS, listeningFixture, readyVideo } from '../../../test-support/listening-fixture';
import { ExportListeningDataHandler } from './export-listening-data.handler';
import { ExportListeningDataQuery } from './export-listening-data.query';

describe('ExportListeningDataHandler', () => {
  it('holds positions, answers (with what was typed) and devices without their keys; nobody else’s', async () => {
    const fixture = listeningFixture();
    fixture.videos.add(readyVideo({ id: 'markt' }));
    const device = await watchSomething(fixture, ANNA);
    await watchSomething(fixture, BORIS);
    const at = fixture.clock.now.toISOString();
    const section = await new ExportListeningDataHandler(fixture.students).execute(new ExportListeningDataQuery(ANNA));
    expect(section.context).toBe('listening');
    expect(section.data).toEqual({
      videoPositions: [{ videoId: 'markt', positionSeconds: 6, watchedSeconds: 6, completed: false, startedAt: at, updatedAt: at }],
      answers: [{ videoId: 'markt', questionId: 'q3', kind: 'shortAnswer', answer: 'appels', correct: true, skipped: false, positionSeconds: 17, attempts: 1, at }],
      devices: [{ deviceId: device.deviceId, name: 'Laptop', keyThumbprint: device.keyThumbprint, registeredAt: at, revokedAt: null }],
    });
    expect(JSON.stringify(section)).not.toContain(BORIS);
    expect(JSON.stringify(section)).not.toMatch(/sealed|contentKey/);
    expect(section.purposes.length).toBeGreaterThan(0);
    expect(section.recipients.length).toBeGreaterThan(0);
  });

  it('is empty for a student who never watched', async () => {
    const fixture = listeningFixture();
    expect((await new ExportListeningDataHandler(fixture.students).execute(new ExportListeningDataQuery(ANNA))).data).toEqual({ videoPositions: [], answers: [], devices: [] });
  });
});
