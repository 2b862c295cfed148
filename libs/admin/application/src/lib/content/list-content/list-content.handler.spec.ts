import { ANNA, adminFixture, refusalOf, TAFEL } from '../../../test-support/memory-content';
import { CreateContentCommand } from '../create-content/create-content.command';
import { CreateContentHandler } from '../create-content/create-content.handler';
import { ListContentHandler } from './list-content.handler';
import { ListContentQuery } from './list-content.query';

describe('ListContentHandler', () => {
  it('lists a kind’s items without their contents, filtered and paged', async () => {
    const fixture = adminFixture();
    const create = new CreateContentHandler(fixture.items, fixture.clock);
    for (const lemma of ['tafel', 'stoel', 'kast']) await create.execute(new CreateContentCommand(ANNA, 'words', { ...TAFEL, lemma }));
    const handler = new ListContentHandler(fixture.items, fixture.store);
    const page = await handler.execute(new ListContentQuery('words', { pageSize: 2 }));
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page.items.map((item) => item.title)).toEqual(['kast', 'stoel']);
    expect(page.items[0]).not.toHaveProperty('content');
    expect((await handler.execute(new ListContentQuery('words', { q: 'STOEL' }))).items.map((item) => item.title)).toEqual(['stoel']);
    expect(await refusalOf(handler.execute(new ListContentQuery('texts', {})))).toMatchObject({ code: 'CONTENT_KIND_NOT_AVAILABLE' });
  });
});
