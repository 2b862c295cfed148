import { inject, InjectionToken } from '@angular/core';
import type { Routes } from '@angular/router';
import { createOperationsStore, createParkedEventsStore, type OperationsStore, type ParkedEventsStore, type Readiness } from '@tall/client/ops/data-access';
import { API_BASE_URL, API_FETCH, TALL_API } from '../core/tall-client';

export const OPERATIONS_STORE = new InjectionToken<OperationsStore>('OPERATIONS_STORE');
export const PARKED_EVENTS_STORE = new InjectionToken<ParkedEventsStore>('PARKED_EVENTS_STORE');

export const opsRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
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
  {
    path: 'parked-events',
    title: 'titles.parkedEvents',
    providers: [{ provide: PARKED_EVENTS_STORE, useFactory: () => createParkedEventsStore(inject(TALL_API)) }],
    loadComponent: () => import('./parked-events.page').then((m) => m.ParkedEventsPage),
  },
];
