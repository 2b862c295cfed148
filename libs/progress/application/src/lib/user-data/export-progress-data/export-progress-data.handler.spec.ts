import { randomUUID } from 'node:crypto';
import { FakeReadStore, studentOfA } from '../../../test-support/progress-read-fakes';
import { ExportProgressDataHandler } from './export-progress-data.handler';
import { ExportProgressDataQuery } from './export-progress-data.query';

describe('ExportProgressDataHandler', () => {
  it('contributes a GDPR section, with a statement when it holds nothing', async () => {
    const handler = new ExportProgressDataHandler(new FakeReadStore());
    expect(await handler.execute(new ExportProgressDataQuery(studentOfA))).toMatchObject({ context: 'progress', data: { activity: { reviews: 1 } } });
    expect(await handler.execute(new ExportProgressDataQuery(randomUUID()))).toMatchObject({ context: 'progress', data: {}, statement: expect.any(String) });
  });
});
