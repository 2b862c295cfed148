import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { ApiProblem } from '@tall/client/api';
import { createImportStore, type ImportSource, type TextSummary, type UploadListener } from '@tall/client/reader/data-access';
import en from '../../i18n/en.json';
import { ImportTextDialog, type ImportTextData } from './import-text.dialog';
import { textSummary } from '@tall/client/reader/data-access/testing';

/** An upload the test drives: progress, then the server's answer. */
function controlledUpload() {
  const calls: Array<{ source: ImportSource; listener: UploadListener; resolve: (text: TextSummary) => void; reject: (error: unknown) => void }> = [];
  const upload = (source: ImportSource, listener: UploadListener) => new Promise<TextSummary>((resolve, reject) => calls.push({ source, listener, resolve, reject }));
  return { upload, calls };
}

async function open() {
  const { upload, calls } = controlledUpload();
  await TestBed.configureTestingModule({
    imports: [TranslocoTestingModule.forRoot({ langs: { en }, translocoConfig: { availableLangs: ['en'], defaultLang: 'en' }, preloadLangs: true })],
    providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
  }).compileComponents();
  const ref = TestBed.inject(MatDialog).open<ImportTextDialog, ImportTextData, TextSummary>(ImportTextDialog, { data: { store: createImportStore(upload) } });
  let closedWith: TextSummary | undefined | null = null;
  ref.afterClosed().subscribe((value) => (closedWith = value));
  const fixture = { detectChanges: () => TestBed.tick(), whenStable: () => Promise.resolve() } as unknown as ComponentFixture<unknown>;
  await settle(fixture);
  return { calls, closed: () => closedWith, settle: () => settle(fixture) };
}

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    fixture.detectChanges();
  }
}

const byTestId = <T extends HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`) as T;
const type = (id: string, value: string) => {
  const field = byTestId<HTMLInputElement>(id);
  field.value = value;
  field.dispatchEvent(new Event('input'));
};
const tab = (label: string) => [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((candidate) => candidate.textContent?.includes(label))?.click();

describe('ImportTextDialog', () => {
  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((container) => (container.innerHTML = '')));

  it('uploads a pasted text, shows the upload’s progress and then the server at work, and closes with the new text', async () => {
    const { calls, closed, settle } = await open();
    type('import-title', 'Mijn dag');
    type('import-body', 'Ik sta om zeven uur op.');
    byTestId<HTMLButtonElement>('import-submit').click();
    await settle();
    expect(calls[0].source).toEqual({ kind: 'paste', title: 'Mijn dag', body: 'Ik sta om zeven uur op.' });

    calls[0].listener.progress(40, 100);
    await settle();
    expect(byTestId('import-progress').getAttribute('aria-valuenow')).toBe('40');
    expect(byTestId('import-status').textContent).toContain('Uploading… 40%');
    expect(byTestId<HTMLButtonElement>('import-submit').disabled).toBe(true);

    calls[0].listener.uploaded();
    await settle();
    expect(byTestId('import-progress')).toBeNull();
    expect(byTestId('import-processing').getAttribute('mode')).toBe('indeterminate');

    const created = textSummary('own-1', { source: 'own', title: 'Mijn dag' });
    calls[0].resolve(created);
    await vi.waitFor(() => expect(closed()).toEqual(created));
  });

  it('asks for a title and a text before sending', async () => {
    const { calls, settle } = await open();
    byTestId<HTMLButtonElement>('import-submit').click();
    await settle();
    expect(calls).toHaveLength(0);
    expect(document.querySelector('mat-error')?.textContent).toContain('Give the text a title');
  });

  it.each([
    [413, 'TOO_LARGE', 'The file is too large. Import files up to 10 MB'],
    [415, 'UNSUPPORTED_TYPE', 'This type of file cannot be imported.'],
    [422, 'UNREADABLE_FILE', 'The file could not be read: The EPUB has no chapters'],
  ])('explains why the API refused a file (%i)', async (status, code, explanation) => {
    const { calls, closed, settle } = await open();
    tab('File');
    await settle();
    const input = byTestId<HTMLInputElement>('import-file-input');
    Object.defineProperty(input, 'files', { value: [new File(['PK'], 'boek.epub')], configurable: true });
    Object.defineProperty(input.files, 'item', { value: (index: number) => (input.files as unknown as File[])[index] });
    input.dispatchEvent(new Event('change'));
    await settle();
    expect(byTestId('import-file-name').textContent).toContain('boek.epub');
    byTestId<HTMLButtonElement>('import-submit').click();
    await settle();
    expect(calls[0].source).toMatchObject({ kind: 'file' });
    calls[0].reject(new ApiProblem(status, code, 'The EPUB has no chapters'));
    await settle();
    expect(byTestId('import-error').getAttribute('role')).toBe('alert');
    expect(byTestId('import-error').textContent).toContain(explanation);
    expect(closed()).toBeNull();
  });

  it('takes a dropped file and refuses a type it cannot import before sending it', async () => {
    const { calls, settle } = await open();
    tab('File');
    await settle();
    const drop = new Event('drop', { bubbles: true, cancelable: true }) as DragEvent;
    const files = Object.assign([new File(['x'], 'slides.pptx')], { item: (index: number) => files[index] });
    Object.defineProperty(drop, 'dataTransfer', { value: { files } });
    byTestId('import-drop-zone').dispatchEvent(drop);
    await settle();
    expect(byTestId('import-file-name').textContent).toContain('slides.pptx');
    expect(byTestId('import-error').textContent).toContain('This type of file cannot be imported.');
    expect(calls).toHaveLength(0);
  });
});
