import { Clipboard } from '@angular/cdk/clipboard';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { ParkedEvent } from '@tall/client/ops/data-access';
import { UiLanguage } from '../core/i18n';

/** What an operator needs to judge a parked event: its ids and times, the last error, the payload. */
@Component({
  selector: 'tall-parked-event-detail',
  imports: [DatePipe, TranslocoPipe, MatButton, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dl class="facts">
      <dt>{{ 'ops.parked.columns.key' | transloco }}</dt>
      <dd class="mono">{{ event().key }}</dd>
      <dt>{{ 'ops.parked.eventId' | transloco }}</dt>
      <dd class="mono">{{ event().eventId }}</dd>
      <dt>{{ 'ops.parked.occurredAt' | transloco }}</dt>
      <dd>{{ event().occurredAt | date: 'medium' : undefined : language.current() }}</dd>
      <dt>{{ 'ops.parked.columns.parkedAt' | transloco }}</dt>
      <dd>{{ event().parkedAt | date: 'medium' : undefined : language.current() }}</dd>
    </dl>
    <h3>{{ 'ops.parked.lastError' | transloco }}</h3>
    @if (event().lastError; as error) {
      <pre class="code error" tabindex="0" [attr.aria-label]="'ops.parked.lastError' | transloco">{{ error }}</pre>
    } @else {
      <p class="muted">{{ 'ops.parked.noError' | transloco }}</p>
    }
    <div class="payload-head">
      <h3>{{ 'ops.parked.payload' | transloco }}</h3>
      <button mat-button type="button" (click)="copy()">
        <mat-icon>content_copy</mat-icon>
        {{ 'ops.parked.copy' | transloco }}
      </button>
    </div>
    <!-- Focusable: a keyboard user can scroll a long payload. -->
    <pre class="code" tabindex="0" [attr.aria-label]="'ops.parked.payload' | transloco">{{ payload() }}</pre>
  `,
  styles: `
    :host {
      display: block;
    }
    h3 {
      margin: 12px 0 6px;
      font: var(--mat-sys-title-small);
    }
    .muted {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .facts {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr);
      gap: 4px 16px;
      margin: 8px 0 0;
    }
    .facts dt {
      color: var(--mat-sys-on-surface-variant);
    }
    .facts dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .mono,
    .code {
      font-family: ui-monospace, monospace;
      font-size: 13px;
    }
    .payload-head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
    }
    .code {
      max-height: 20rem;
      margin: 0;
      padding: 12px;
      overflow: auto;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface);
      white-space: pre;
    }
    .code.error {
      max-height: 10rem;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      color: var(--mat-sys-on-error-container);
      background: var(--mat-sys-error-container);
    }
  `,
})
export class ParkedEventDetail {
  readonly event = input.required<ParkedEvent>();
  protected readonly language = inject(UiLanguage);
  private readonly clipboard = inject(Clipboard);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly payload = computed(() => JSON.stringify(this.event().payload, null, 2) ?? String(this.event().payload));

  protected copy(): void {
    const copied = this.clipboard.copy(this.payload());
    this.snackBar.open(this.transloco.translate(copied ? 'ops.parked.copied' : 'ops.parked.copyFailed'), undefined, { duration: 4000 });
  }
}
