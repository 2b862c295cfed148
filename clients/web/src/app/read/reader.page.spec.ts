import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { createTallApi } from '@tall/client/api';
import { FakeApi, json } from '@tall/client/api/testing';
import { createReaderApi, createReaderStore, type ReaderText } from '@tall/client/reader/data-access';
import { createStore } from 'zustand/vanilla';
import en from '../../i18n/en.json';
import { LOBBY_STORE } from '../core/tall-client';
import { READER_STORE } from './read.routes';
import { readerText } from '@tall/client/reader/data-access/testing';
import { ReaderPage } from './reader.page';

const TEXT = '/api/v1/reader/texts/text-1';

async function render(text: ReaderText = readerText()) {
  localStorage.removeItem('tall.reader.fontSize');
  const fake = new FakeApi()
    .on('GET', TEXT, () => json(200, text))
    .on('PUT', '/api/v1/reader/words/state', (_request, body) => json(200, { key: 'k', state: (body as { state: string }).state }))
    .on('PUT', `${TEXT}/position`, (_request, body) => json(200, { ...(body as object), finished: false, updatedAt: '2026-01-05T10:00:00.000Z' }))
    .on('POST', `${TEXT}/saved-words`, (_request, body) => {
      const { lemma, wordId, sentence } = body as { lemma?: string; wordId?: string; sentence: string };
      return json(201, { savedId: 's1', lemma: lemma ?? 'moeder', wordId: wordId ?? null, translation: null, article: null, context: sentence, textId: 'text-1', alreadySaved: false, savedAt: '2026-01-05T10:00:00.000Z' });
    });
  const remembered: Array<[string, string]> = [];
  await TestBed.configureTestingModule({
    imports: [ReaderPage, TranslocoTestingModule.forRoot({ langs: { en }, translocoConfig: { availableLangs: ['en'], defaultLang: 'en' }, preloadLangs: true })],
    providers: [
      provideRouter([]),
      // jsdom plays no CSS animations: the sheet would wait for its closing animation forever.
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: READER_STORE, useValue: createReaderStore(createReaderApi(createTallApi('http://tall.test', fake.fetch))) },
      { provide: LOBBY_STORE, useValue: createStore(() => ({ remember: async (product: string, location: string) => void remembered.push([product, location]) })) },
    ],
  }).compileComponents();
  const fixture = TestBed.createComponent(ReaderPage);
  fixture.componentRef.setInput('id', 'text-1');
  await settle(fixture);
  return { fixture, element: fixture.nativeElement as HTMLElement, fake, remembered };
}

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    await fixture.whenStable();
    fixture.detectChanges();
  }
}

const words = (element: HTMLElement) => [...element.querySelectorAll<HTMLElement>('[data-testid="reader-word"]')];
const wordNamed = (element: HTMLElement, text: string) => words(element).find((word) => word.textContent === text) as HTMLElement;
const sheet = () => document.querySelector<HTMLElement>('[data-testid="word-sheet"]');
const inSheet = (testId: string) => document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);

describe('ReaderPage', () => {
  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((container) => (container.innerHTML = '')));

  it('shows the text with each word in its state, the heading as a heading, the figures, and tells the lobby', async () => {
    const { element, remembered } = await render();
    expect(element.querySelector('[data-testid="reader-title"]')?.textContent).toBe('Bellen');
    expect(element.querySelector('h2.heading')?.textContent).toBe('Bellen');
    expect(words(element).map((word) => `${word.textContent}:${word.dataset['state']}`)).toEqual([
      'Bellen:known',
      'Ik:known',
      'bel:new',
      'mijn:known',
      'moeder:learning',
      'op:new',
      'Zij:ignored',
      'woont:new',
      'in:known',
      'Utrecht:new',
    ]);
    // The text reads as it was written.
    expect(element.querySelector('p.paragraph')?.textContent).toBe('Ik bel mijn moeder op. Zij woont in Utrecht.');
    expect(element.querySelector('[data-testid="reader-known-percent"]')?.textContent).toBe('50');
    expect(element.querySelector('[data-testid="reader-new-words"]')?.textContent).toBe('3');
    expect(element.querySelector('[data-testid="reader-take-test"]')).not.toBeNull();
    expect(element.querySelectorAll('[data-testid="reader-legend"] li')).toHaveLength(4);
    expect(remembered).toEqual([['reader', '/read/texts/text-1']]);
  });

  it('keeps one word in the tab order and moves through the words with the arrow keys', async () => {
    const { fixture, element } = await render();
    expect(words(element).filter((word) => word.tabIndex === 0)).toHaveLength(1);
    const first = words(element)[0];
    first.focus();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await settle(fixture);
    expect(document.activeElement?.textContent).toBe('Ik');
    (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await settle(fixture);
    expect(document.activeElement?.textContent).toBe('Zij');
    (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await settle(fixture);
    expect(document.activeElement?.textContent).toBe('Utrecht');
    expect(words(element).filter((word) => word.tabIndex === 0).map((word) => word.textContent)).toEqual(['Utrecht']);
  });

  it('opens a separable verb with its prefix, lights both up, and marks every token of it known', async () => {
    const { fixture, element, fake } = await render();
    wordNamed(element, 'bel').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle(fixture);
    expect(sheet()?.querySelector('h2')?.textContent).toBe('bel … op');
    expect(inSheet('word-translation')?.textContent).toContain('to call (on the phone)');
    expect(sheet()?.textContent).toContain('belt op · belde op · belden op · opgebeld');
    expect(words(element).filter((word) => word.classList.contains('together')).map((word) => word.textContent)).toEqual(['bel', 'op']);

    inSheet('word-mark-known')?.click();
    // The choice is carried out once the sheet has closed.
    await vi.waitFor(() => expect(fake.calls('PUT', '/api/v1/reader/words/state')).toBe(1));
    await settle(fixture);
    expect(fake.requests.find((request) => request.method === 'PUT' && request.path === '/api/v1/reader/words/state')?.body).toEqual({ wordId: 'w-opbellen', state: 'known' });
    expect([wordNamed(element, 'bel').dataset['state'], wordNamed(element, 'op').dataset['state']]).toEqual(['known', 'known']);
    expect(element.querySelector('[data-testid="reader-known-percent"]')?.textContent).toBe('70');
    expect(element.querySelector('[data-testid="reader-new-words"]')?.textContent).toBe('2');
  });

  it('says when a word is not in the dictionary, and still saves it with its sentence', async () => {
    const { fixture, element, fake } = await render();
    wordNamed(element, 'Utrecht').click();
    await settle(fixture);
    expect(inSheet('word-not-in-dictionary')).not.toBeNull();
    inSheet('word-save')?.click();
    await vi.waitFor(() => expect(document.querySelector('.mat-mdc-snack-bar-label')).not.toBeNull());
    await settle(fixture);
    expect(fake.requests.find((request) => request.path === '/api/v1/reader/texts/text-1/saved-words')?.body).toEqual({ lemma: 'utrecht', sentence: 'Zij woont in Utrecht.' });
    expect(document.querySelector('.mat-mdc-snack-bar-label')?.textContent).toContain('“utrecht” is saved to your learning cards.');

    // Opened again, the word is known to be saved.
    await vi.waitFor(() => expect(sheet()).toBeNull());
    wordNamed(element, 'Utrecht').click();
    await settle(fixture);
    expect((inSheet('word-save') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows an own word as already in the learning cards', async () => {
    const { fixture, element } = await render();
    wordNamed(element, 'woont').click();
    await settle(fixture);
    expect(inSheet('word-translation')?.textContent).toContain('to live');
    expect((inSheet('word-save') as HTMLButtonElement).disabled).toBe(true);
  });

  it('remembers a larger text size', async () => {
    const { fixture, element } = await render();
    element.querySelector<HTMLButtonElement>('[data-testid="reader-font-larger"]')?.click();
    await settle(fixture);
    expect(element.querySelector<HTMLElement>('tall-reader-text')?.style.fontSize).toBe('20px');
    expect(localStorage.getItem('tall.reader.fontSize')).toBe('20');
  });

  it('reports the position when the student leaves the text', async () => {
    const { fixture, fake } = await render();
    fixture.destroy();
    await vi.waitFor(() => expect(fake.calls('PUT', `${TEXT}/position`)).toBe(1));
    expect(fake.requests.find((request) => request.path === `${TEXT}/position`)?.body).toEqual({ paragraph: 0, sentence: 0, readingSeconds: 0 });
  });

  it('shows a finished text as finished', async () => {
    const { element } = await render(readerText({ position: { paragraph: 1, sentence: 1, readingSeconds: 90, finished: true, updatedAt: '2026-01-05T10:00:00.000Z' } }));
    expect(element.querySelector('[data-testid="reader-finished"]')).not.toBeNull();
    expect(element.querySelector('[data-testid="reader-end"]')?.textContent).toContain('You reached the end of this text.');
  });
});
