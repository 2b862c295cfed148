import { inject, InjectionToken } from '@angular/core';
import type { Routes } from '@angular/router';
import { createOperationsStore, type OperationsStore, type Readiness } from '@tall/client/ops/data-access';
import { API_BASE_URL, API_FETCH, TALL_API } from '../core/tall-client';

export const OPERATIONS_STORE = new InjectionToken<OperationsStore>('OPERATIONS_STORE');

export const opsRoutes: Routes = [
  {
    path: '',
    providers: [
      {
        provide: OPERATIONS_STORE,
        useFactory: () => {
          const send = inject(API_FETCH);
          const url = `${inject(API_BASE_URL)}/health/ready`;
          // 503 still carries the report: it names what is down.
          const readiness = async (): Promise<Readiness> => (await send(new Request(url, { headers: { accept: 'application/json' } }))).json();
          return createOperationsStore(inject(TALL_API), readiness);
        },
      },
    ],
    loadComponent: () => import('./operations.page').then((m) => m.OperationsPage),
  },
];
