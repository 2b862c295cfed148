import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressSpinner } from '@angular/material/progress-spinner';

/** A centred spinner with a label read to screen readers, while an area loads. */
@Component({
  selector: 'tall-loading',
  imports: [MatProgressSpinner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="loading" role="status">
      <mat-progress-spinner mode="indeterminate" diameter="36" aria-hidden="true" />
      <span>{{ label() }}</span>
    </div>
  `,
  styles: `
    .loading {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 12px;
      padding: 48px 16px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class LoadingState {
  readonly label = input.required<string>();
}

/** What an empty list says: an icon, a line, and optionally an action. */
@Component({
  selector: 'tall-empty',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="icon material-symbols-outlined" aria-hidden="true">{{ icon() }}</span>
    <p class="title">{{ heading() }}</p>
    @if (body()) {
      <p class="body">{{ body() }}</p>
    }
    <ng-content />
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 4px;
      padding: 40px 16px;
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
    }
    .icon {
      font-size: 40px;
      color: var(--mat-sys-outline);
    }
    .title {
      margin: 8px 0 0;
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-on-surface);
    }
    .body {
      margin: 0 0 12px;
      max-width: 420px;
    }
  `,
})
export class EmptyState {
  readonly icon = input('inbox');
  readonly heading = input.required<string>();
  readonly body = input<string>();
}
