import { inject, InjectionToken } from '@angular/core';
import type { Routes } from '@angular/router';
import { createUsersStore, type UsersStore } from '@tall/client/admin/data-access';
import { TALL_API } from '../core/tall-client';

export const USERS_STORE = new InjectionToken<UsersStore>('USERS_STORE');

export const adminRoutes: Routes = [
  {
    path: '',
    providers: [{ provide: USERS_STORE, useFactory: () => createUsersStore(inject(TALL_API)) }],
    loadComponent: () => import('./users.page').then((m) => m.UsersPage),
  },
];
