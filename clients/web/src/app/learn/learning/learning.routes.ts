import { inject, InjectionToken } from '@angular/core';
import type { Routes } from '@angular/router';
import { createLearningStore, type LearningStore } from '@tall/client/vocabulary/data-access';
import { OFFLINE_STORE, TALL_API } from '../../core/tall-client';

export const LEARNING_STORE = new InjectionToken<LearningStore>('LEARNING_STORE');

export const learningRoutes: Routes = [
  {
    path: '',
    providers: [
      {
        provide: LEARNING_STORE,
        useFactory: () => {
          const offline = inject(OFFLINE_STORE);
          return createLearningStore({ api: inject(TALL_API), enqueue: (item) => offline.getState().enqueue(item) });
        },
      },
    ],
    loadComponent: () => import('./learning.page').then((m) => m.LearningPage),
  },
];
