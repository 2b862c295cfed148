import { ANNA, adminFixture, refusalOf, TAFEL } from '../../../test-support/memory-content';
import { EditContentCommand } from '../edit-content/edit-content.command';
import { EditContentHandler } from '../edit-content/edit-content.handler';
import { GetContentQuery } from '../get-content/get-content.query';
import { GetContentHandler } from '../get-content/get-content.handler';
import { GetContentHistoryHandler } from './get-content-history.handler';
import { GetContentHistoryQuery } from './get-content-history.query';

describe('GetContentHistoryHandler and GetContentHandler', () => {
  it('show the item and every revision with its diff, oldest first', async () => {
    const fixture = adminFixture();
    fixture.owner.served.set('w1', { content: TAFEL, archived: false, version: 0 });
    await new EditContentHandler(fixture.items, fixture.clock).execute(new EditContentCommand(ANNA, 'words', 'w1', { ...TAFEL, translations: { ...TAFEL.translations, en: 'desk' } }, 1));
    expect(await new GetContentHandler(fixture.items).execute(new GetContentQuery('words', 'w1'))).toMatchObject({ id: 'w1', revision: 2, status: 'draft' });
    const history = await new GetContentHistoryHandler(fixture.items, fixture.store).execute(new GetContentHistoryQuery('words', 'w1'));
    expect(history).toEqual({
      id: 'w1',
      kind: 'words',
      entries: [
        { revision: 1, action: 'adopted', actorId: null, at: expect.any(String), status: 'published', publishedVersion: 1, diff: [], override: null },
        { revision: 2, action: 'edited', actorId: ANNA, at: expect.any(String), status: 'draft', publishedVersion: 1, diff: [{ op: 'changed', path: 'translations.en', from: 'table', to: 'desk' }], override: null },
      ],
    });
    expect(await refusalOf(new GetContentHistoryHandler(fixture.items, fixture.store).execute(new GetContentHistoryQuery('words', 'nope')))).toMatchObject({ code: 'CONTENT_NOT_FOUND' });
  });
});
