import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ParkedConsumerCount } from '@tall/client/ops/data-access';

/**
 * Parked events per consumer as a small bar chart of buttons: the numbers are written out, and a
 * press shows only that consumer (pressed again, all of them).
 */
@Component({
  selector: 'tall-parked-consumer-summary',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="bars" role="list">
      @for (row of consumers(); track row.consumer) {
        <li>
          <button
            type="button"
            class="bar-row"
            [attr.aria-pressed]="selected() === row.consumer"
            (click)="choose.emit(selected() === row.consumer ? null : row.consumer)"
            [attr.aria-label]="'ops.parked.showConsumer' | transloco: { consumer: row.consumer, count: row.count }"
          >
            <span class="bar-name">{{ row.consumer }}</span>
            <span class="bar-track" aria-hidden="true"><span class="bar-fill" [style.width.%]="(row.count / largest()) * 100"></span></span>
            <span class="bar-count">{{ row.count }}</span>
          </button>
        </li>
      }
    </ul>
  `,
  styles: `
    .bars {
      display: grid;
      gap: 4px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .bar-row {
      display: grid;
      grid-template-columns: minmax(0, 16rem) 1fr auto;
      align-items: center;
      gap: 12px;
      width: 100%;
      padding: 6px 8px;
      border: 0;
      border-radius: 8px;
      background: transparent;
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-body-medium);
      text-align: left;
      cursor: pointer;
    }
    .bar-row:hover,
    .bar-row[aria-pressed='true'] {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .bar-name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      font-family: ui-monospace, monospace;
      font-size: 13px;
    }
    .bar-track {
      height: 10px;
      border-radius: 5px;
      background: var(--mat-sys-surface-container-high);
    }
    .bar-fill {
      display: block;
      height: 100%;
      min-width: 4px;
      border-radius: 5px;
      background: var(--mat-sys-primary);
    }
    .bar-count {
      font: var(--mat-sys-title-small);
    }
    @media (max-width: 600px) {
      .bar-row {
        grid-template-columns: 1fr auto;
        row-gap: 4px;
      }
      .bar-name {
        grid-column: 1 / -1;
      }
    }
  `,
})
export class ParkedConsumerSummary {
  readonly consumers = input.required<readonly ParkedConsumerCount[]>();
  /** The consumer the list is narrowed to, if any. */
  readonly selected = input<string | null>(null);
  readonly choose = output<string | null>();
  protected readonly largest = computed(() => Math.max(1, ...this.consumers().map((row) => row.count)));
}
