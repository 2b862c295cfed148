import { inject, InjectionToken } from '@angular/core';
import type { Routes } from '@angular/router';
import { createThematicStore, type ThematicStore } from '@tall/client/vocabulary/data-access';
import { OFFLINE_STORE, TALL_API } from '../../core/tall-client';

export const THEMATIC_STORE = new InjectionToken<ThematicStore>('THEMATIC_STORE');

export const thematicRoutes: Routes = [
  {
    path: '',
    providers: [
      {
        provide: THEMATIC_STORE,
        useFactory: () => {
          const offline = inject(OFFLINE_STORE);
          return createThematicStore({ api: inject(TALL_API), enqueue: (item) => offline.getState().enqueue(item) });
        },
      },
    ],
    children: [
      { path: '', loadComponent: () => import('./topics.page').then((m) => m.TopicsPage) },
      { path: ':topicId', title: 'titles.thematicSession', loadComponent: () => import('./session.page').then((m) => m.SessionPage) },
    ],
  },
];
