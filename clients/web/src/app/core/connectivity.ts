import { Injectable, signal } from '@angular/core';

/** Whether the browser believes it is online; follows the `online`/`offline` events. */
@Injectable({ providedIn: 'root' })
export class Connectivity {
  private readonly state = signal(typeof navigator === 'undefined' ? true : navigator.onLine);
  readonly online = this.state.asReadonly();

  constructor() {
    if (typeof window === 'undefined') return;
    window.addEventListener('online', () => this.state.set(true));
    window.addEventListener('offline', () => this.state.set(false));
  }
}
