import { inject, InjectionToken } from '@angular/core';
import type { Routes } from '@angular/router';
import { createMyProgressStore, type MyProgressStore } from '@tall/client/progress/data-access';
import { TALL_API } from '../core/tall-client';

export const MY_PROGRESS_STORE = new InjectionToken<MyProgressStore>('MY_PROGRESS_STORE');

export const progressRoutes: Routes = [
  {
    path: '',
    providers: [{ provide: MY_PROGRESS_STORE, useFactory: () => createMyProgressStore(inject(TALL_API)) }],
    loadComponent: () => import('./progress.page').then((m) => m.ProgressPage),
  },
];
