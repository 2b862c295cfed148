import { inject, InjectionToken } from '@angular/core';
import type { CanDeactivateFn, Routes } from '@angular/router';
import {
  createContentApi,
  createContentItemStore,
  createContentListStore,
  createTopicChoicesStore,
  type ContentApi,
  type ContentItemStore,
  type ContentListStore,
  type TopicChoicesStore,
} from '@tall/client/admin/data-access';
import { API_BASE_URL, API_FETCH } from '../../core/tall-client';

export const CONTENT_API = new InjectionToken<ContentApi>('CONTENT_API');
export const CONTENT_LIST_STORE = new InjectionToken<ContentListStore>('CONTENT_LIST_STORE');
export const CONTENT_ITEM_STORE = new InjectionToken<ContentItemStore>('CONTENT_ITEM_STORE');
/** The dictionary's topics, for the topic of a word and the list's topic filter. */
export const TOPIC_CHOICES = new InjectionToken<TopicChoicesStore>('TOPIC_CHOICES');

/** A page that may hold unsaved edits asks before it is left. */
export interface LeaveGuarded {
  canLeave(): boolean | Promise<boolean>;
}
export const unsavedEdits: CanDeactivateFn<LeaveGuarded> = (page) => page.canLeave();

export const contentRoutes: Routes = [
  {
    path: '',
    providers: [
      { provide: CONTENT_API, useFactory: () => createContentApi(inject(API_BASE_URL), inject(API_FETCH)) },
      { provide: CONTENT_LIST_STORE, useFactory: () => createContentListStore(inject(CONTENT_API)) },
      { provide: CONTENT_ITEM_STORE, useFactory: () => createContentItemStore(inject(CONTENT_API)) },
      { provide: TOPIC_CHOICES, useFactory: () => createTopicChoicesStore(inject(CONTENT_API)) },
    ],
    children: [
      { path: '', loadComponent: () => import('./content-list.page').then((m) => m.ContentListPage) },
      {
        path: ':kind/:id',
        title: 'titles.contentEditor',
        canDeactivate: [unsavedEdits],
        loadComponent: () => import('./content-editor.page').then((m) => m.ContentEditorPage),
      },
    ],
  },
];
