import { ChangeDetectionStrategy, Component, effect, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { safeReturnUrl } from '../auth/return-url';
import { Connectivity } from '../core/connectivity';

/** Signed in on an earlier visit, but Tall cannot be reached to renew the session. */
@Component({
  selector: 'tall-offline',
  imports: [MatButton, MatIcon, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main class="page">
      <mat-icon class="icon" aria-hidden="true">cloud_off</mat-icon>
      <h1>{{ 'offline.title' | transloco }}</h1>
      <p>{{ 'offline.body' | transloco }}</p>
      <button mat-flat-button type="button" (click)="retry()">{{ 'common.retry' | transloco }}</button>
    </main>
  `,
  styles: `
    .page {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 8px;
      max-width: 480px;
      margin: 0 auto;
      padding: 80px 24px;
      text-align: center;
    }
    .icon {
      width: 48px;
      height: 48px;
      font-size: 48px;
      color: var(--mat-sys-primary);
    }
    h1 {
      font: var(--mat-sys-headline-small);
      margin: 8px 0 0;
    }
    p {
      color: var(--mat-sys-on-surface-variant);
      margin: 0 0 16px;
    }
  `,
})
export class OfflinePage {
  readonly next = input<string>();
  private readonly router = inject(Router);
  private readonly connectivity = inject(Connectivity);

  constructor() {
    effect(() => {
      if (this.connectivity.online()) void this.retry();
    });
  }

  protected retry(): Promise<boolean> {
    return this.router.navigateByUrl(safeReturnUrl(this.next()));
  }
}
