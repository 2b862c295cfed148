import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ApiProblem } from '@tall/client/api';
import { problemText } from '../core/problem-text';

/** An API refusal, explained; announced to screen readers as it appears. */
@Component({
  selector: 'tall-problem',
  imports: [MatIcon, MatIconButton, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (problem(); as problem) {
      <div class="problem" role="alert">
        <mat-icon aria-hidden="true">error</mat-icon>
        <span class="text">{{ text().key | transloco: text().params }}</span>
        @if (dismissible()) {
          <button mat-icon-button type="button" (click)="dismissed.emit()" [attr.aria-label]="'common.dismiss' | transloco">
            <mat-icon>close</mat-icon>
          </button>
        }
      </div>
    }
  `,
  styles: `
    .problem {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 10px 12px 10px 16px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-body-medium);
    }
    .text {
      flex: 1;
    }
    button {
      color: inherit;
    }
  `,
})
export class ProblemBanner {
  readonly problem = input<ApiProblem | null>(null);
  readonly dismissible = input(false);
  readonly dismissed = output<void>();
  protected readonly text = computed(() => {
    const problem = this.problem();
    return problem ? problemText(problem) : { key: '', params: {} };
  });
}
