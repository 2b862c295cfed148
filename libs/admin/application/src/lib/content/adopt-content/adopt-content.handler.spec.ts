import { adminFixture, TAFEL } from '../../../test-support/memory-content';
import { AdoptContentHandler } from './adopt-content.handler';

describe('AdoptContentHandler', () => {
  it('adopts what the owner serves and Tall lacks, once, as published or archived at the owner’s version', async () => {
    const fixture = adminFixture();
    fixture.owner.served.set('w1', { content: TAFEL, archived: false, version: 0 });
    fixture.owner.served.set('w2', { content: { ...TAFEL, lemma: 'stoel' }, archived: true, version: 3 });
    const handler = new AdoptContentHandler(fixture.items);
    expect(await handler.execute()).toEqual({ adopted: 2, held: 0 });
    expect(await fixture.store.find('words', 'w1')).toMatchObject({ status: 'published', publishedVersion: 1, createdBy: null });
    expect(await fixture.store.find('words', 'w2')).toMatchObject({ status: 'archived', publishedVersion: 3 });
    expect(await handler.execute()).toEqual({ adopted: 0, held: 2 });
    expect(await fixture.store.history('words', 'w1')).toEqual([expect.objectContaining({ action: 'adopted', actorId: null })]);
    expect(fixture.store.events).toEqual([]);
  });
});
