import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { ADMIN_A, ADMIN_B, historyEntries, opbellenContent, topicItem, wordItem } from '@tall/client/admin/data-access/testing';
import { ContentEditorPage } from './content-editor.page';
import { allByTestId, byTestId, fieldError, renderContent, settle, text, type } from './content-view.testing';

const WORD = '/admin/content/words/w-fiets';
const ITEMS = [wordItem(), topicItem()];

describe('ContentEditorPage', () => {
  afterEach(() => {
    TestBed.resetTestingModule();
    document.querySelectorAll('.cdk-overlay-container').forEach((overlay) => overlay.remove());
  });

  it('shows the word in its fields with its status, and the actions its status allows', async () => {
    const { element } = await renderContent(ContentEditorPage, WORD, ITEMS);
    expect(text(byTestId(element(), 'content-title'))).toBe('de fiets');
    expect(byTestId(element(), 'content-status')?.dataset['status']).toBe('published');
    expect(byTestId<HTMLInputElement>(element(), 'word-lemma')?.value).toBe('fiets');
    expect(byTestId<HTMLInputElement>(element(), 'word-translation-en')?.value).toBe('bicycle, bike');
    expect(byTestId<HTMLInputElement>(element(), 'word-plural')?.value).toBe('fietsen');
    expect(byTestId(element(), 'word-verb')).toBeNull();
    expect(byTestId<HTMLButtonElement>(element(), 'content-save')?.disabled).toBe(true);
    expect(byTestId(element(), 'content-submit')).toBeNull();
    expect(byTestId(element(), 'content-publish')).toBeNull();
    expect(byTestId(element(), 'content-archive')).not.toBeNull();
  });

  it('checks the dictionary’s rules before saving, and saves against the revision it started from', async () => {
    const { element, fixture, content, announced } = await renderContent(ContentEditorPage, WORD, ITEMS);
    type(byTestId(element(), 'word-translation-en'), ' ');
    type(byTestId(element(), 'word-translation-ru'), 'velosiped');
    await settle(fixture);
    expect(byTestId<HTMLButtonElement>(element(), 'content-save')?.disabled).toBe(false);
    byTestId(element(), 'content-save')?.click();
    await settle(fixture);
    expect(fieldError(element(), 'word-translation-en')).toBe('Fill this in.');
    expect(fieldError(element(), 'word-translation-ru')).toBe('Write this in Cyrillic only.');
    expect(announced).toContain('Some fields need attention.');
    expect(content.fake.calls('PATCH', '/api/v1/admin/content/words/w-fiets')).toBe(0);

    type(byTestId(element(), 'word-translation-en'), 'bicycle (bike)');
    type(byTestId(element(), 'word-translation-ru'), 'велосипед');
    await settle(fixture);
    expect(fieldError(element(), 'word-translation-en')).toBe('');
    expect(text(element())).toContain('Save your changes first.');
    byTestId(element(), 'content-save')?.click();
    await settle(fixture);
    expect(content.fake.requests.at(-1)).toMatchObject({ method: 'PATCH', body: { revision: 1, content: { translations: { en: 'bicycle (bike)', ru: 'велосипед', uk: 'велосипед' } } } });
    expect(byTestId(element(), 'content-status')?.dataset['status']).toBe('draft');
    expect(document.querySelector('mat-snack-bar-container')?.textContent).toContain('Saved.');
    expect(byTestId(element(), 'content-submit')).not.toBeNull();
  });

  it('shows a separable verb’s forms and holds them to its prefix', async () => {
    const { element, fixture } = await renderContent(ContentEditorPage, '/admin/content/words/w-bellen', [wordItem({ id: 'w-bellen', title: 'opbellen' }, opbellenContent())]);
    expect(byTestId(element(), 'word-verb')).not.toBeNull();
    expect(byTestId(element(), 'word-article')).toBeNull();
    type(byTestId(element(), 'word-verb-participle'), 'gebeld');
    await settle(fixture);
    byTestId(element(), 'content-save')?.click();
    await settle(fixture);
    expect(fieldError(element(), 'word-verb-participle')).toBe('Starts with the prefix op.');
  });

  it('shows the API’s refusal of a field on that field', async () => {
    const { element, fixture, content } = await renderContent(ContentEditorPage, WORD, ITEMS);
    content.refuseNextSave('words', 'w-fiets', [{ field: 'content.lemma', message: 'This topic has this word already' }]);
    type(byTestId(element(), 'word-lemma'), 'fietsje');
    await settle(fixture);
    byTestId(element(), 'content-save')?.click();
    await settle(fixture);
    expect(fieldError(element(), 'word-lemma')).toBe('This topic has this word already');
  });

  it('says when someone else saved first, keeps the edits, and reloads their version on request', async () => {
    const { element, fixture, content } = await renderContent(ContentEditorPage, WORD, ITEMS);
    type(byTestId(element(), 'word-translation-en'), 'bike');
    await settle(fixture);
    content.changeElsewhere('words', 'w-fiets');
    byTestId(element(), 'content-save')?.click();
    await settle(fixture);
    const conflict = byTestId(element(), 'content-conflict');
    expect(conflict?.getAttribute('role')).toBe('alert');
    expect(text(conflict)).toContain('Someone else changed this since you opened it.');
    expect(byTestId<HTMLInputElement>(element(), 'word-translation-en')?.value).toBe('bike');

    byTestId(element(), 'content-reload')?.click();
    await settle(fixture);
    expect(byTestId(element(), 'content-conflict')).toBeNull();
    expect(byTestId<HTMLInputElement>(element(), 'word-translation-en')?.value).toBe('bicycle, bike');
    expect(text(byTestId(element(), 'content-meta'))).toContain('revision 2');
  });

  it('asks the admin who submitted it for a reason before publishing, and publishes with it', async () => {
    const { element, fixture, content } = await renderContent(ContentEditorPage, WORD, [wordItem({ status: 'in_review', submittedBy: ADMIN_A, revision: 3 })], { actor: ADMIN_A });
    expect(text(byTestId(element(), 'content-publish'))).toContain('Publish (override)');
    byTestId(element(), 'content-publish')?.click();
    await settle(fixture);
    const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
    expect(text(dialog)).toContain('Publish your own submission?');
    byTestId(dialog, 'override-publish')?.click();
    await settle(fixture);
    expect(text(dialog)).toContain('Give a reason of at least 3 characters.');
    expect(content.fake.calls('POST', '/api/v1/admin/content/words/w-fiets/publish')).toBe(0);

    type(byTestId(dialog, 'override-reason'), 'Urgent typo before the lesson');
    byTestId(dialog, 'override-publish')?.click();
    await settle(fixture);
    expect(content.fake.requests.at(-1)).toMatchObject({ method: 'POST', body: { revision: 3, override: { reason: 'Urgent typo before the lesson' } } });
    expect(byTestId(element(), 'content-status')?.dataset['status']).toBe('published');
  });

  it('publishes another admin’s submission without asking', async () => {
    const { element, fixture, content } = await renderContent(ContentEditorPage, WORD, [wordItem({ status: 'in_review', submittedBy: ADMIN_B, revision: 3 })], { actor: ADMIN_A });
    byTestId(element(), 'content-publish')?.click();
    await settle(fixture);
    expect(document.querySelector('mat-dialog-container')).toBeNull();
    expect(content.fake.requests.at(-1)).toMatchObject({ method: 'POST', body: { revision: 3 } });
    expect(byTestId(element(), 'content-status')?.dataset['status']).toBe('published');
  });

  it('previews the working copy as a student sees it, and shows the history', async () => {
    const { element, fixture, harness } = await renderContent(ContentEditorPage, WORD, ITEMS);
    type(byTestId(element(), 'word-translation-en'), 'bike');
    await settle(fixture);
    const page = fixture.debugElement.query((node) => node.componentInstance instanceof ContentEditorPage).componentInstance as ContentEditorPage;
    page['selectTab'](1);
    await settle(fixture);
    expect(text(byTestId(element(), 'word-preview-card'))).toContain('de fiets');
    expect(text(byTestId(element(), 'word-preview-translation'))).toBe('bike');
    const row = byTestId(element(), 'word-preview-row');
    expect([text(row?.querySelector('.lemma')), text(row?.querySelector('.translation'))]).toEqual(['de fiets', 'bike']);

    page['selectTab'](2);
    await settle(fixture);
    expect(allByTestId(element(), 'history-entry').map((entry) => entry.dataset['action'])).toEqual(historyEntries().map((entry) => entry.action).reverse());
    expect(harness.routeNativeElement).toBeTruthy();
  });

  it('creates a topic and opens it at its address', async () => {
    const { element, fixture, harness } = await renderContent(ContentEditorPage, '/admin/content/topics/new', ITEMS);
    expect(text(byTestId(element(), 'content-title'))).toBe('New topic');
    type(byTestId(element(), 'topic-slug'), 'weather');
    type(byTestId(element(), 'topic-title-nl'), 'Het weer');
    type(byTestId(element(), 'topic-title-en'), 'Weather');
    type(byTestId(element(), 'topic-order'), '23');
    await settle(fixture);
    byTestId(element(), 'content-save')?.click();
    await settle(fixture);
    expect(TestBed.inject(Router).url).toMatch(/^\/admin\/content\/topics\/new-\d+$/);
    expect(harness).toBeTruthy();
  });
});
