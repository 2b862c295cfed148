import { Injectable, signal } from '@angular/core';

/** Set when the API refused this client's version (426): a banner asks the user to update. */
@Injectable({ providedIn: 'root' })
export class ClientUpdate {
  readonly required = signal(false);
  readonly minVersion = signal<string | null>(null);

  upgradeRequired(minVersion: string | null): void {
    this.minVersion.set(minVersion);
    this.required.set(true);
  }
}
