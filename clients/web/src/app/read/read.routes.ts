import { inject, InjectionToken } from '@angular/core';
import type { Routes } from '@angular/router';
import { createApiFetch } from '@tall/client/api';
import {
  createLibraryStore,
  createReaderApi,
  createReaderStore,
  createTestStore,
  createTextUpload,
  type LibraryStore,
  type ReaderApi,
  type ReaderStore,
  type TestStore,
  type TextUpload,
} from '@tall/client/reader/data-access';
import { ClientUpdate } from '../core/client-update';
import { WEB_CLIENT_VERSION } from '../core/client-version';
import { API_BASE_URL, AUTH_SESSION, TALL_API } from '../core/tall-client';

export const READER_API = new InjectionToken<ReaderApi>('READER_API');
export const LIBRARY_STORE = new InjectionToken<LibraryStore>('LIBRARY_STORE');
export const READER_STORE = new InjectionToken<ReaderStore>('READER_STORE');
export const TEST_STORE = new InjectionToken<TestStore>('TEST_STORE');
/** Imports a text with upload progress (XMLHttpRequest under the app's API fetch). */
export const TEXT_UPLOAD = new InjectionToken<TextUpload>('TEXT_UPLOAD');

export const readRoutes: Routes = [
  {
    path: '',
    providers: [
      { provide: READER_API, useFactory: () => createReaderApi(inject(TALL_API)) },
      { provide: LIBRARY_STORE, useFactory: () => createLibraryStore(inject(READER_API)) },
      { provide: READER_STORE, useFactory: () => createReaderStore(inject(READER_API)) },
      { provide: TEST_STORE, useFactory: () => createTestStore(inject(READER_API)) },
      {
        provide: TEXT_UPLOAD,
        useFactory: () => {
          const session = inject(AUTH_SESSION);
          const update = inject(ClientUpdate);
          return createTextUpload(inject(API_BASE_URL), (transport) =>
            createApiFetch({ session, client: { platform: 'web', version: WEB_CLIENT_VERSION }, onUpgradeRequired: (minVersion) => update.upgradeRequired(minVersion), fetch: transport }),
          );
        },
      },
    ],
    children: [
      { path: '', loadComponent: () => import('./library.page').then((m) => m.LibraryPage) },
      { path: 'texts/:id', title: 'titles.readerText', loadComponent: () => import('./reader.page').then((m) => m.ReaderPage) },
      { path: 'texts/:id/test', title: 'titles.readerTest', loadComponent: () => import('./test.page').then((m) => m.TestPage) },
    ],
  },
];
