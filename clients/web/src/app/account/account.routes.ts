import { inject, InjectionToken } from '@angular/core';
import type { Routes } from '@angular/router';
import { createAccountStore, type AccountStore } from '@tall/client/account/data-access';
import { TALL_API } from '../core/tall-client';

export const ACCOUNT_STORE = new InjectionToken<AccountStore>('ACCOUNT_STORE');

export const accountRoutes: Routes = [
  {
    path: '',
    providers: [{ provide: ACCOUNT_STORE, useFactory: () => createAccountStore(inject(TALL_API)) }],
    loadComponent: () => import('./account.page').then((m) => m.AccountPage),
  },
];
