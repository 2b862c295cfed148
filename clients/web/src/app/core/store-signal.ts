import { DestroyRef, inject, signal, type Signal } from '@angular/core';
import type { StoreApi } from 'zustand/vanilla';

/**
 * A Zustand store's state as an Angular signal, for templates and computed(). Unsubscribes when the
 * injection context (component, route) is destroyed.
 */
export function fromStore<S>(store: StoreApi<S>): Signal<S> {
  const state = signal(store.getState());
  const unsubscribe = store.subscribe((next) => state.set(next));
  inject(DestroyRef, { optional: true })?.onDestroy(unsubscribe);
  return state.asReadonly();
}
