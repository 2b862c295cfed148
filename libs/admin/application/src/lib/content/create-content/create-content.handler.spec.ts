import { ANNA, adminFixture, refusalOf, TAFEL, type AdminFixture } from '../../../test-support/memory-content';
import { CreateContentCommand } from './create-content.command';
import { CreateContentHandler } from './create-content.handler';

describe('CreateContentHandler', () => {
  let fixture: AdminFixture;
  let handler: CreateContentHandler;

  beforeEach(() => {
    fixture = adminFixture();
    handler = new CreateContentHandler(fixture.items, fixture.clock);
  });

  it('keeps a new draft under a new id; the owner hears nothing yet', async () => {
    const item = await handler.execute(new CreateContentCommand(ANNA, 'words', TAFEL));
    expect(item).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), kind: 'words', status: 'draft', revision: 1, publishedVersion: 0, title: 'tafel', unpublishedChanges: true, createdBy: ANNA });
    expect(await fixture.store.history('words', item.id)).toEqual([expect.objectContaining({ action: 'created', actorId: ANNA })]);
    expect(fixture.owner.calls).toEqual([]);
    expect(fixture.store.events).toEqual([]);
  });

  it('refuses a content that does not fit its owner, per field under `content.`, keeping nothing', async () => {
    expect(await refusalOf(handler.execute(new CreateContentCommand(ANNA, 'words', { lemma: 3, translations: {} })))).toMatchObject({
      code: 'CONTENT_INVALID',
      details: { fields: [expect.objectContaining({ field: 'content.lemma' }), expect.objectContaining({ field: 'content.translations.en' })] },
    });
    expect(fixture.store.items.size).toBe(0);
  });

  it('refuses a kind no owner takes yet', async () => {
    expect(await refusalOf(handler.execute(new CreateContentCommand(ANNA, 'videos', TAFEL)))).toMatchObject({ code: 'CONTENT_KIND_NOT_AVAILABLE' });
  });
});
