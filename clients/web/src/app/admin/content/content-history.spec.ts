import { TestBed } from '@angular/core/testing';
import { ADMIN_A, ADMIN_B, historyEntries } from '@tall/client/admin/data-access/testing';
import { createStore } from 'zustand/vanilla';
import { AUTH_STORE } from '../../core/tall-client';
import { ContentHistory } from './content-history';
import { allByTestId, settle, text, translocoTesting } from './content-view.testing';

async function render(actor: string) {
  await TestBed.configureTestingModule({
    imports: [ContentHistory, translocoTesting()],
    providers: [{ provide: AUTH_STORE, useValue: createStore(() => ({ status: 'signed-in', user: { id: actor, role: 'EDU_ADMIN' } })) }],
  }).compileComponents();
  const fixture = TestBed.createComponent(ContentHistory);
  fixture.componentRef.setInput('entries', [...historyEntries()].reverse());
  await settle(fixture);
  return fixture.nativeElement as HTMLElement;
}

describe('ContentHistory', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('lists the revisions newest first with what was done, by whom, and the status', async () => {
    const element = await render(ADMIN_A);
    const entries = allByTestId(element, 'history-entry');
    expect(entries.map((entry) => entry.dataset['revision'])).toEqual(['4', '3', '2', '1']);
    const head = (entry: HTMLElement) => ['.action', '.who'].map((part) => text(entry.querySelector(part)));
    expect(head(entries[0])).toEqual(['Published', 'You']);
    expect(head(entries[3])).toEqual(['Taken over from the seed', 'Tall (the seed)']);
    expect([...(entries[0].querySelector('.meta')?.children ?? [])].map(text)).toEqual(['Revision 4', 'Published', 'Published version 2']);
    expect(entries[0].querySelector('time')?.getAttribute('datetime')).toBe('2026-12-07T10:10:00.000Z');
  });

  it('shows the diff as field, old and new, marked added, removed or changed', async () => {
    const element = await render(ADMIN_B);
    const changes = allByTestId(element, 'history-change');
    expect(changes.map((change) => [...change.children].map(text))).toEqual([
      ['Translations · English changed', 'bicycle, bike', 'bicycle (bike)'],
      ['Translations · Turkish added', '—', 'bisiklet'],
      ['Translations · Ukrainian removed', 'велосипед', '—'],
    ]);
    expect(changes.map((change) => change.dataset['op'])).toEqual(['changed', 'added', 'removed']);
    expect(text(allByTestId(element, 'history-entry')[2].querySelector('.who'))).toBe('Admin a11ce0b5');
  });

  it('shows the reason of an override', async () => {
    const element = await render(ADMIN_B);
    expect(allByTestId(element, 'history-override').map(text)).toEqual(['gavelPublished by the admin who submitted it. Reason: Urgent typo before the lesson']);
  });
});
