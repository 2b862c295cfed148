import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { createTallApi } from '@tall/client/api';
import { FakeApi, json } from '@tall/client/api/testing';
import { createLibraryStore, createReaderApi, type TextSummary, type TextUpload } from '@tall/client/reader/data-access';
import en from '../../i18n/en.json';
import { TALL_API } from '../core/tall-client';
import { LibraryPage } from './library.page';
import { LIBRARY_STORE, TEXT_UPLOAD } from './read.routes';
import { textSummary } from '@tall/client/reader/data-access/testing';

const LIST = '/api/v1/reader/texts';

async function render(texts: TextSummary[], upload: TextUpload = async () => texts[0]) {
  const queries: Array<Record<string, string>> = [];
  const fake = new FakeApi()
    .on('GET', LIST, (request) => {
      const query = Object.fromEntries(new URL(request.url).searchParams);
      queries.push(query);
      const matching = texts.filter((text) => (!query['source'] || text.source === query['source']) && (!query['q'] || text.title.toLowerCase().includes(query['q'].toLowerCase())));
      return json(200, { items: matching, total: matching.length, page: 1, pageSize: 12 });
    })
    .on('GET', '/api/v1/vocabulary/topics', () =>
      json(200, [{ id: 't1', slug: 'family', level: 'A1', order: 1, title: { en: 'Family', nl: 'Familie' }, wordCount: 20, stats: null }]),
    );
  const api = createTallApi('http://tall.test', fake.fetch);
  await TestBed.configureTestingModule({
    imports: [LibraryPage, TranslocoTestingModule.forRoot({ langs: { en }, translocoConfig: { availableLangs: ['en'], defaultLang: 'en' }, preloadLangs: true })],
    providers: [
      provideRouter([{ path: 'read/texts/:id', children: [] }]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: TALL_API, useValue: api },
      { provide: LIBRARY_STORE, useValue: createLibraryStore(createReaderApi(api)) },
      { provide: TEXT_UPLOAD, useValue: upload },
    ],
  }).compileComponents();
  const fixture = TestBed.createComponent(LibraryPage);
  await settle(fixture);
  return { fixture, element: fixture.nativeElement as HTMLElement, queries, fake };
}

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    await fixture.whenStable();
    fixture.detectChanges();
  }
}

const cards = (element: HTMLElement) => [...element.querySelectorAll<HTMLElement>('[data-testid="library-card"]')];

describe('LibraryPage', () => {
  const texts = [
    textSummary('a', { title: 'De nieuwe buurman', knownPercent: 62.4, position: { paragraph: 2, sentence: 0, readingSeconds: 60, finished: false, updatedAt: '2026-01-05T10:00:00.000Z' } }),
    textSummary('b', { title: 'Oma wordt tachtig', hasTest: false, position: { paragraph: 5, sentence: 0, readingSeconds: 300, finished: true, updatedAt: '2026-01-05T10:00:00.000Z' } }),
    textSummary('c', { title: 'Mijn brief', source: 'own', level: null, topic: null, estimatedLevel: 'A2', hasTest: false }),
  ];

  it('shows each text with its level, topic, words, the share known and what the student can do', async () => {
    const { element } = await render(texts);
    expect(cards(element).map((card) => card.dataset['textId'])).toEqual(['a', 'b', 'c']);
    const [first, second, own] = cards(element);
    expect(first.querySelector('.title')?.textContent).toBe('De nieuwe buurman');
    expect(first.textContent).toContain('A1');
    expect(first.textContent).toContain('Family');
    expect(first.textContent).toContain('10 words');
    expect(first.textContent).toContain('62% known');
    expect(first.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe('Words you know in De nieuwe buurman');
    expect(first.querySelector('[data-testid="library-test-badge"]')).not.toBeNull();
    expect(first.querySelector('[data-testid="library-continue"]')?.getAttribute('href')).toBe('/read/texts/a');
    expect(second.querySelector('[data-testid="library-continue"]')).toBeNull();
    expect(second.querySelector('[data-testid="library-finished-badge"]')).not.toBeNull();
    expect(own.textContent).toContain('≈ A2');
    expect(own.textContent).toContain('My texts');
    expect(own.querySelector('[data-testid="library-delete"]')?.getAttribute('aria-label')).toBe('Delete Mijn brief');
    expect(first.querySelector('[data-testid="library-delete"]')).toBeNull();
    expect(element.querySelector('[data-testid="library-count"]')?.textContent?.trim()).toBe('3 texts');
  });

  it('searches titles after a short pause in typing', async () => {
    const { fixture, element, queries } = await render(texts);
    const search = element.querySelector<HTMLInputElement>('[data-testid="library-search"]') as HTMLInputElement;
    for (const typed of ['o', 'om', 'oma']) {
      search.value = typed;
      search.dispatchEvent(new Event('input'));
    }
    await vi.waitFor(() => expect(queries.at(-1)?.['q']).toBe('oma'));
    await settle(fixture);
    expect(queries.filter((query) => query['q'])).toHaveLength(1);
    expect(cards(element).map((card) => card.dataset['textId'])).toEqual(['b']);
    expect(element.querySelector('[data-testid="library-clear-filters"]')).not.toBeNull();
  });

  it('filters by source', async () => {
    const { fixture, element, queries } = await render(texts);
    element.querySelector<HTMLElement>('[data-testid="library-filter-source"] .mat-mdc-select-trigger')?.click();
    await settle(fixture);
    const own = [...document.querySelectorAll<HTMLElement>('mat-option')].find((option) => option.textContent?.trim() === 'My texts');
    own?.click();
    await settle(fixture);
    expect(queries.at(-1)).toEqual({ source: 'own', page: '1', pageSize: '12' });
    expect(cards(element).map((card) => card.dataset['textId'])).toEqual(['c']);
  });

  it('opens the import dialog and goes to the new text', async () => {
    const created = textSummary('new-1', { source: 'own', title: 'Geplakt' });
    const { fixture, element } = await render(texts, async () => created);
    element.querySelector<HTMLButtonElement>('[data-testid="library-import"]')?.click();
    await settle(fixture);
    const title = document.querySelector<HTMLInputElement>('[data-testid="import-title"]') as HTMLInputElement;
    const body = document.querySelector<HTMLTextAreaElement>('[data-testid="import-body"]') as HTMLTextAreaElement;
    title.value = 'Geplakt';
    title.dispatchEvent(new Event('input'));
    body.value = 'Ik lees elke dag.';
    body.dispatchEvent(new Event('input'));
    document.querySelector<HTMLButtonElement>('[data-testid="import-submit"]')?.click();
    const router = TestBed.inject((await import('@angular/router')).Router);
    await vi.waitFor(() => expect(router.url).toBe('/read/texts/new-1'));
  });
});
