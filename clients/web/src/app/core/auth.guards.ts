import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import type { UserRole } from '@tall/client/api';
import type { AuthStore } from '@tall/client/auth/data-access';
import { AUTH_STORE } from './tall-client';

const restoring = new WeakMap<AuthStore, Promise<void>>();

/** Exchanges a refresh token from an earlier visit once, before the first guarded navigation. */
export function sessionRestored(auth: AuthStore): Promise<void> {
  if (auth.getState().status !== 'restoring') return Promise.resolve();
  let pending = restoring.get(auth);
  if (!pending) {
    pending = auth
      .getState()
      .restore()
      .finally(() => restoring.delete(auth));
    restoring.set(auth, pending);
  }
  return pending;
}

/** Signed-in users only; others go to sign-in and come back afterwards. */
export const signedIn: CanActivateFn = async (_route, state) => {
  const auth = inject(AUTH_STORE);
  const router = inject(Router);
  await sessionRestored(auth);
  const { status } = auth.getState();
  if (status === 'signed-in') return true;
  const next = state.url === '/' ? {} : { next: state.url };
  // A refresh token is kept but the API cannot be reached: say so instead of asking for a password.
  if (status === 'restoring') return router.createUrlTree(['/offline'], { queryParams: next });
  return router.createUrlTree(['/sign-in'], { queryParams: next });
};

/** Sign-in and sign-up: a signed-in user goes straight to the lobby. */
export const signedOut: CanActivateFn = async () => {
  const auth = inject(AUTH_STORE);
  await sessionRestored(auth);
  return auth.getState().status === 'signed-in' ? inject(Router).createUrlTree(['/']) : true;
};

/** Areas of some roles only (the API enforces the same; this keeps others from a page of errors). */
export function withRole(...roles: UserRole[]): CanActivateFn {
  return () => {
    const user = inject(AUTH_STORE).getState().user;
    return user && roles.includes(user.role) ? true : inject(Router).createUrlTree(['/not-allowed']);
  };
}
