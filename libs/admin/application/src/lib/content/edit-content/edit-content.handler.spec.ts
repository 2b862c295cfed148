import { ANNA, BORIS, adminFixture, refusalOf, TAFEL, type AdminFixture } from '../../../test-support/memory-content';
import { EditContentCommand } from './edit-content.command';
import { EditContentHandler } from './edit-content.handler';

describe('EditContentHandler', () => {
  let fixture: AdminFixture;
  let handler: EditContentHandler;
  const desk = { ...TAFEL, translations: { ...TAFEL.translations, en: 'desk' } };

  beforeEach(async () => {
    fixture = adminFixture();
    fixture.owner.served.set('w1', { content: TAFEL, archived: false, version: 0 });
    handler = new EditContentHandler(fixture.items, fixture.clock);
  });

  it('adopts an item the owner serves on first sight, then opens a draft over it', async () => {
    const item = await handler.execute(new EditContentCommand(ANNA, 'words', 'w1', desk, 1));
    expect(item).toMatchObject({ status: 'draft', revision: 2, publishedVersion: 1, content: desk, unpublishedChanges: true });
    expect((await fixture.store.history('words', 'w1'))?.map((entry) => entry.action)).toEqual(['adopted', 'edited']);
    expect(fixture.owner.calls).toEqual(['entries']);
  });

  it('refuses an edit from an old revision, and one that does not fit, changing nothing', async () => {
    await handler.execute(new EditContentCommand(ANNA, 'words', 'w1', desk, 1));
    expect(await refusalOf(handler.execute(new EditContentCommand(BORIS, 'words', 'w1', TAFEL, 1)))).toMatchObject({ code: 'CONTENT_CHANGED', details: { revision: 2 } });
    expect(await refusalOf(handler.execute(new EditContentCommand(BORIS, 'words', 'w1', { ...TAFEL, lemma: null }, 2)))).toMatchObject({ code: 'CONTENT_INVALID' });
    expect(await fixture.store.find('words', 'w1')).toMatchObject({ revision: 2, content: desk });
  });

  it('answers 404 for an id neither Tall nor the owner has', async () => {
    expect(await refusalOf(handler.execute(new EditContentCommand(ANNA, 'words', 'nowhere', TAFEL, 1)))).toMatchObject({ code: 'CONTENT_NOT_FOUND' });
  });
});
