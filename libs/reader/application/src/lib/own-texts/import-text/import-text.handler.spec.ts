import { ANNA, BORIS, readerFixture, refusalOf, STORY, type ReaderFixture } from '../../../test-support/reader-fixture';
import { ReaderError } from '../../reader-error';
import { ImportTextCommand } from './import-text.command';
import { ImportTextHandler } from './import-text.handler';

describe('ImportTextHandler', () => {
  let fixture: ReaderFixture;
  let handler: ImportTextHandler;
  const importText = (input: ImportTextCommand['input'], userId = ANNA) => handler.execute(new ImportTextCommand(userId, input));

  beforeEach(() => {
    fixture = readerFixture();
    handler = new ImportTextHandler(fixture.files, fixture.own, fixture.views, fixture.clock.read);
  });

  it('keeps a pasted text for its owner only, counted as the reader counts words', async () => {
    const summary = await importText({ kind: 'pasted', title: 'Mijn verhaal', body: STORY });
    expect(summary).toMatchObject({ title: 'Mijn verhaal', source: 'own', level: null, topic: null, credit: null, wordCount: 25, knownPercent: 0, hasTest: false, position: null });
    expect(summary.createdAt).toBe(fixture.clock.now.toISOString());
    const stored = await fixture.own.get(summary.id);
    expect(stored).toMatchObject({ ownerId: ANNA, version: 1, wordCount: 25, sections: [{ title: null, body: STORY }], test: null, createdAt: fixture.clock.now });
    expect((await fixture.own.listOf(BORIS)).length).toBe(0);
  });

  it("takes a file's title unless the student gave one, and cuts it at 200 characters", async () => {
    fixture.files.files.set('boek.epub', { format: 'epub', title: 'Het boek', sections: [{ title: 'Hoofdstuk 1', body: 'De man fietst.' }], encoding: 'utf-8' });
    const book = await importText({ kind: 'file', name: 'boek.epub', bytes: Buffer.from('x') });
    // The chapter heading's words count; its number does not.
    expect(book).toMatchObject({ title: 'Het boek', wordCount: 4 });
    expect(fixture.files.read).toEqual(['boek.epub']);
    expect((await importText({ kind: 'file', name: 'boek.epub', bytes: Buffer.from('x'), title: '  Mijn boek ' })).title).toBe('Mijn boek');
    expect((await importText({ kind: 'file', name: 'boek.epub', bytes: Buffer.from('x'), title: '   ' })).title).toBe('Het boek');
    expect((await importText({ kind: 'pasted', title: 'x'.repeat(250), body: STORY })).title).toHaveLength(200);
  });

  it('stores nothing when the file cannot be read', async () => {
    fixture.files.files.set('broken.epub', new ReaderError('BROKEN_FILE', 'not an EPUB'));
    expect(await refusalOf(importText({ kind: 'file', name: 'broken.epub', bytes: Buffer.from('x') }))).toMatchObject({ code: 'BROKEN_FILE' });
    expect(await refusalOf(importText({ kind: 'file', name: 'picture.png', bytes: Buffer.from('x') }))).toMatchObject({ code: 'UNSUPPORTED_TYPE' });
    expect(fixture.own.texts.size).toBe(0);
  });
});
