import { ANNA, BORIS, adminFixture, TAFEL } from '../../../test-support/memory-content';
import { EditContentCommand } from '../../content/edit-content/edit-content.command';
import { EditContentHandler } from '../../content/edit-content/edit-content.handler';
import { ExportAdminDataHandler } from './export-admin-data.handler';
import { ExportAdminDataQuery } from './export-admin-data.query';

describe('ExportAdminDataHandler', () => {
  it('exports the content steps the admin took, and nothing for anyone else', async () => {
    const fixture = adminFixture();
    fixture.owner.served.set('w1', { content: TAFEL, archived: false, version: 0 });
    await new EditContentHandler(fixture.items, fixture.clock).execute(new EditContentCommand(ANNA, 'words', 'w1', { ...TAFEL, lemma: 'stoel' }, 1));
    const handler = new ExportAdminDataHandler(fixture.store);
    expect(await handler.execute(new ExportAdminDataQuery(ANNA))).toMatchObject({
      context: 'admin',
      data: { contentSteps: [{ kind: 'words', id: 'w1', title: 'stoel', revision: 2, action: 'edited', at: expect.any(String), override: null }] },
    });
    const nobody = await handler.execute(new ExportAdminDataQuery(BORIS));
    expect(nobody).toMatchObject({ data: { contentSteps: [] }, statement: expect.any(String) });
  });
});
