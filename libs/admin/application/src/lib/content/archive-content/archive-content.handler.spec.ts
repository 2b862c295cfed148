import { BORIS, adminFixture, refusalOf, TAFEL, type AdminFixture } from '../../../test-support/memory-content';
import { ArchiveContentCommand } from './archive-content.command';
import { ArchiveContentHandler } from './archive-content.handler';

describe('ArchiveContentHandler', () => {
  let fixture: AdminFixture;
  let handler: ArchiveContentHandler;

  beforeEach(() => {
    fixture = adminFixture();
    fixture.owner.served.set('w1', { content: TAFEL, archived: false, version: 0 });
    handler = new ArchiveContentHandler(fixture.items, fixture.clock);
  });

  it('archives at the owner as the next version, then records it with content.updated', async () => {
    expect(await handler.execute(new ArchiveContentCommand(BORIS, 'words', 'w1'))).toMatchObject({ status: 'archived', publishedVersion: 2 });
    expect(fixture.owner.served.get('w1')).toMatchObject({ archived: true, version: 2 });
    expect(fixture.store.events.map((event) => event.payload)).toEqual([expect.objectContaining({ change: 'archived', version: 2 })]);
    expect(await refusalOf(handler.execute(new ArchiveContentCommand(BORIS, 'words', 'w1')))).toMatchObject({ code: 'ALREADY_ARCHIVED' });
  });

  it('passes on an owner that lost the entry', async () => {
    await fixture.items.load('words', 'w1');
    fixture.owner.served.delete('w1');
    expect(await refusalOf(handler.execute(new ArchiveContentCommand(BORIS, 'words', 'w1')))).toMatchObject({ code: 'OWNER_NOT_FOUND' });
    expect(fixture.store.events).toEqual([]);
  });
});
