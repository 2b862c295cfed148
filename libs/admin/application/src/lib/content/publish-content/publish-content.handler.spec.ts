import { ContentUpdated } from '@tall/admin/contracts';
import { ANNA, BORIS, adminFixture, NOW, refusalOf, TAFEL, type AdminFixture } from '../../../test-support/memory-content';
import { EditContentCommand } from '../edit-content/edit-content.command';
import { EditContentHandler } from '../edit-content/edit-content.handler';
import { SubmitContentCommand } from '../submit-content/submit-content.command';
import { SubmitContentHandler } from '../submit-content/submit-content.handler';
import { PublishContentCommand } from './publish-content.command';
import { PublishContentHandler } from './publish-content.handler';

describe('PublishContentHandler', () => {
  let fixture: AdminFixture;
  let handler: PublishContentHandler;
  const desk = { ...TAFEL, translations: { ...TAFEL.translations, en: 'desk' } };

  beforeEach(async () => {
    fixture = adminFixture();
    fixture.owner.served.set('w1', { content: TAFEL, archived: false, version: 0 });
    await new EditContentHandler(fixture.items, fixture.clock).execute(new EditContentCommand(ANNA, 'words', 'w1', desk, 1));
    await new SubmitContentHandler(fixture.items, fixture.clock).execute(new SubmitContentCommand(ANNA, 'words', 'w1'));
    handler = new PublishContentHandler(fixture.items, fixture.clock);
  });

  it('gives the owner the next version, then records it with content.updated', async () => {
    const item = await handler.execute(new PublishContentCommand(BORIS, 'words', 'w1'));
    expect(item).toMatchObject({ status: 'published', publishedVersion: 2, unpublishedChanges: false, updatedBy: BORIS });
    expect(fixture.owner.served.get('w1')).toEqual({ content: desk, archived: false, version: 2 });
    expect(fixture.store.events).toEqual([
      expect.objectContaining({ type: ContentUpdated.type, key: 'w1', actorId: BORIS, payload: { kind: 'words', id: 'w1', version: 2, change: 'published', actorId: BORIS, at: NOW.toISOString() } }),
    ]);
  });

  it('refuses the submitter alone before the owner hears anything; their override is published and kept', async () => {
    expect(await refusalOf(handler.execute(new PublishContentCommand(ANNA, 'words', 'w1')))).toMatchObject({ code: 'SECOND_ADMIN_REQUIRED' });
    expect(fixture.owner.calls).toEqual(['entries']);
    await handler.execute(new PublishContentCommand(ANNA, 'words', 'w1', { override: { reason: 'Only editor on duty' } }));
    expect((await fixture.store.history('words', 'w1'))?.at(-1)).toMatchObject({ action: 'published', actorId: ANNA, override: { reason: 'Only editor on duty' } });
  });

  it.each([
    ['TOPIC_NOT_FOUND', 'TOPIC_NOT_FOUND'],
    ['DUPLICATE', 'DUPLICATE_CONTENT'],
    ['STALE_VERSION', 'STALE_VERSION'],
  ] as const)('passes on the owner’s %s as %s, leaving the item in review without an event', async (problem, code) => {
    fixture.owner.refuseNext = problem;
    expect(await refusalOf(handler.execute(new PublishContentCommand(BORIS, 'words', 'w1')))).toMatchObject({ code });
    expect(await fixture.store.find('words', 'w1')).toMatchObject({ status: 'in_review', publishedVersion: 1 });
    expect(fixture.store.events).toEqual([]);
  });

  it('completes a publish whose item write was lost after the owner took the version', async () => {
    await fixture.owner.publish('words', 'w1', 2, desk);
    const item = await handler.execute(new PublishContentCommand(BORIS, 'words', 'w1'));
    expect(item).toMatchObject({ status: 'published', publishedVersion: 2 });
    expect(fixture.store.events).toHaveLength(1);
  });

  it('refuses what is not in review', async () => {
    await handler.execute(new PublishContentCommand(BORIS, 'words', 'w1'));
    expect(await refusalOf(handler.execute(new PublishContentCommand(BORIS, 'words', 'w1')))).toMatchObject({ code: 'NOT_IN_REVIEW' });
  });
});
