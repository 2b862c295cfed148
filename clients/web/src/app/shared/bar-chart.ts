import { ChangeDetectionStrategy, Component, DestroyRef, effect, ElementRef, inject, input, viewChild } from '@angular/core';
import type { Chart } from 'chart.js';

/**
 * A bar chart drawn by Chart.js, loaded only with the areas that show charts. The numbers are also
 * in a table for screen readers (a canvas says nothing to them).
 */
@Component({
  selector: 'tall-bar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="frame" [style.height.px]="height()">
      <canvas #canvas role="img" [attr.aria-label]="label()"></canvas>
    </div>
    <table class="visually-hidden">
      <caption>{{ label() }}</caption>
      <tbody>
        @for (name of labels(); track $index) {
          <tr>
            <th scope="row">{{ name }}</th>
            <td>{{ series().at(0) ?? '' }} {{ valueText()(values()[$index]) }}</td>
            @if (background(); as behind) {
              <td>{{ series().at(1) ?? '' }} {{ valueText()(behind[$index]) }}</td>
            }
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    :host {
      display: block;
    }
    .frame {
      position: relative;
      width: 100%;
    }
  `,
})
export class BarChart {
  readonly label = input.required<string>();
  readonly labels = input.required<readonly string[]>();
  readonly values = input.required<readonly number[]>();
  /** A second, lighter series drawn behind the first (e.g. words seen behind words mastered). */
  readonly background = input<readonly number[] | null>(null);
  /** Names of the series, for the tooltip and the table. */
  readonly series = input<readonly string[]>([]);
  readonly horizontal = input(false);
  /** Upper end of the value axis (e.g. 100 for percentages); automatic when null. */
  readonly max = input<number | null>(null);
  readonly height = input(240);
  readonly valueText = input<(value: number) => string>((value) => String(value));
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart | null = null;

  constructor() {
    effect(() => void this.draw(this.labels(), this.values(), this.background(), this.horizontal(), this.max()));
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
  }

  private async draw(labels: readonly string[], values: readonly number[], behind: readonly number[] | null, horizontal: boolean, max: number | null): Promise<void> {
    const { Chart, BarController, BarElement, CategoryScale, LinearScale, Tooltip } = await import('chart.js');
    Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
    const style = getComputedStyle(this.canvas().nativeElement);
    const color = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const primary = color('--mat-sys-primary', '#1b5e9e');
    const text = color('--mat-sys-on-surface-variant', '#44474e');
    const grid = color('--mat-sys-outline-variant', '#c4c6d0');
    const light = color('--mat-sys-primary-container', '#d6e3ff');
    const [first, second] = this.series();
    const datasets = [
      { label: first, data: [...values], backgroundColor: primary, borderRadius: 4, maxBarThickness: 28, grouped: false, order: 1 },
      ...(behind ? [{ label: second, data: [...behind], backgroundColor: light, borderRadius: 4, maxBarThickness: 28, grouped: false, order: 2 }] : []),
    ];
    this.chart?.destroy();
    const valueAxis = { beginAtZero: true, ...(max === null ? {} : { max }), ticks: { color: text, precision: 0 }, grid: { color: grid } };
    const categoryAxis = { ticks: { color: text, autoSkip: true, maxRotation: 0 }, grid: { display: false } };
    this.chart = new Chart(this.canvas().nativeElement, {
      type: 'bar',
      data: { labels: [...labels], datasets },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { tooltip: { callbacks: { label: (item) => `${item.dataset.label ? `${item.dataset.label}: ` : ''}${this.valueText()(Number(item.raw))}` } } },
        scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      },
    });
  }
}
