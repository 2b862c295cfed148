import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { SwUpdate } from '@angular/service-worker';
import { TranslocoPipe } from '@jsverse/transloco';
import { ClientUpdate } from '../core/client-update';

/** Shown when the API no longer accepts this version of the app (426): reloading fetches the new one. */
@Component({
  selector: 'tall-update-banner',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (update.required()) {
      <div class="banner" role="alert">
        <span class="icon material-symbols-outlined" aria-hidden="true">system_update</span>
        <span class="text">
          <strong>{{ 'update.title' | transloco }}</strong>
          {{ (update.minVersion() ? 'update.bodyVersion' : 'update.body') | transloco: { version: update.minVersion() } }}
        </span>
        <button type="button" class="action" (click)="reload()">{{ 'update.action' | transloco }}</button>
      </div>
    }
  `,
  styles: `
    .banner {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 12px;
      padding: 12px 16px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      font: var(--mat-sys-body-medium);
    }
    .text {
      flex: 1 1 240px;
    }
    .action {
      border: 0;
      border-radius: 20px;
      padding: 8px 20px;
      background: var(--mat-sys-tertiary);
      color: var(--mat-sys-on-tertiary);
      font: var(--mat-sys-label-large);
      cursor: pointer;
    }
    .action:focus-visible {
      outline: 3px solid var(--mat-sys-on-tertiary-container);
      outline-offset: 2px;
    }
  `,
})
export class UpdateBanner {
  protected readonly update = inject(ClientUpdate);
  private readonly worker = inject(SwUpdate);

  protected async reload(): Promise<void> {
    // With a service worker, fetch and activate the newest build first; then load it.
    if (this.worker.isEnabled) {
      try {
        if (await this.worker.checkForUpdate()) await this.worker.activateUpdate();
      } catch {
        // reloading still asks the server
      }
    }
    location.reload();
  }
}
