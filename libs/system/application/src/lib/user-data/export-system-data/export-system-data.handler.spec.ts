import { randomUUID } from 'node:crypto';
import { UserDataSectionSchema } from '@tall/platform/call-contracts';
import { ExportSystemDataHandler } from './export-system-data.handler';
import { ExportSystemDataQuery } from './export-system-data.query';

describe('ExportSystemDataHandler', () => {
  it('contributes a valid GDPR section saying it holds nothing about the user', async () => {
    const section = await new ExportSystemDataHandler().execute(new ExportSystemDataQuery(randomUUID()));
    expect(UserDataSectionSchema.parse(section)).toMatchObject({ context: 'system', data: {}, statement: 'The system context holds no personal data about you.' });
  });
});
