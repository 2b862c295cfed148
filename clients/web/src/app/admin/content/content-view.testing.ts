// Renders the content admin's pages for their specs against a fake content API (no app code imports this file).
import { LiveAnnouncer } from '@angular/cdk/a11y';
import { BreakpointObserver } from '@angular/cdk/layout';
import type { Type } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, type Routes } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { createContentApi, createContentItemStore, createContentListStore, createTopicChoicesStore, type ContentItem } from '@tall/client/admin/data-access';
import { ADMIN_A, fakeContentApi } from '@tall/client/admin/data-access/testing';
import { of } from 'rxjs';
import { createStore } from 'zustand/vanilla';
import en from '../../../i18n/en.json';
import { AUTH_STORE } from '../../core/tall-client';
import { CONTENT_ITEM_STORE, CONTENT_LIST_STORE, TOPIC_CHOICES, unsavedEdits } from './content.routes';

export const translocoTesting = () => TranslocoTestingModule.forRoot({ langs: { en }, translocoConfig: { availableLangs: ['en'], defaultLang: 'en' }, preloadLangs: true });

/**
 * Opens `url` in a router with the content routes' pages, their stores on a fake content API holding
 * `items`, signed in as `actor` (an EDU_ADMIN).
 */
export async function renderContent<C>(component: Type<C>, url: string, items: ContentItem[], options: { actor?: string; narrow?: boolean } = {}) {
  const actor = options.actor ?? ADMIN_A;
  const content = fakeContentApi(items, { actor });
  const api = createContentApi('http://tall.test', content.fetch);
  const announced: string[] = [];
  const routes: Routes = [
    { path: 'admin/content', component: component as Type<unknown> },
    { path: 'admin/content/:kind/:id', component: component as Type<unknown>, canDeactivate: [unsavedEdits] },
  ];
  const stores = { list: createContentListStore(api), item: createContentItemStore(api), topics: createTopicChoicesStore(api) };
  TestBed.configureTestingModule({
    imports: [translocoTesting()],
    providers: [
      provideRouter(routes),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: CONTENT_LIST_STORE, useValue: stores.list },
      { provide: CONTENT_ITEM_STORE, useValue: stores.item },
      { provide: TOPIC_CHOICES, useValue: stores.topics },
      { provide: AUTH_STORE, useValue: createStore(() => ({ status: 'signed-in', user: { id: actor, role: 'EDU_ADMIN' } })) },
      { provide: BreakpointObserver, useValue: { observe: () => of({ matches: options.narrow ?? false, breakpoints: {} }) } },
      { provide: LiveAnnouncer, useValue: { announce: async (message: string) => void announced.push(message), clear: () => undefined } },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  const fixture = harness.fixture;
  await settle(fixture);
  const element = () => harness.routeNativeElement as HTMLElement;
  return { harness, fixture, element, content, stores, announced };
}

export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    await fixture.whenStable();
    fixture.detectChanges();
  }
}

export const byTestId = <T extends Element = HTMLElement>(root: ParentNode, testId: string) => root.querySelector<T & HTMLElement>(`[data-testid="${testId}"]`);
export const allByTestId = (root: ParentNode, testId: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];
export const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Types into an input or textarea as a person would (the value, then the input event). */
export function type(input: HTMLInputElement | HTMLTextAreaElement | null, value: string): void {
  if (!input) throw new Error(`nothing to type "${value}" into`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('blur'));
}

/** The error shown under the form field that holds the element with this test id. */
export function fieldError(root: ParentNode, testId: string): string {
  return text(byTestId(root, testId)?.closest('mat-form-field')?.querySelector('mat-error'));
}
