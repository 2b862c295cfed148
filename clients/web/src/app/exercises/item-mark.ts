import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ItemResult } from '@tall/client/exercises/data-access';

/** An item's mark after grading: right, or not with the right answer. */
@Component({
  selector: 'tall-item-mark',
  imports: [MatIcon, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="mark" [class.correct]="mark().correct" data-testid="exercise-mark" [attr.data-correct]="mark().correct">
      <mat-icon aria-hidden="true">{{ mark().correct ? 'check_circle' : 'cancel' }}</mat-icon>
      <span>
        <strong>{{ (mark().correct ? 'exercises.exercise.correct' : 'exercises.exercise.incorrect') | transloco }}</strong>
        @if (!mark().correct && expected()) {
          {{ 'exercises.exercise.expected' | transloco }} <span lang="nl" data-testid="exercise-expected">{{ expected() }}</span>
        }
      </span>
    </p>
  `,
  styles: `
    .mark {
      display: flex;
      align-items: flex-start;
      gap: 8px;
      margin: 8px 0 0;
      padding: 8px 12px;
      border-radius: 10px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .mark.correct {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
})
export class ItemMark {
  readonly mark = input.required<ItemResult>();
  /** The right answer in words (a bucket's label rather than its id). */
  readonly expected = input<string>('');
}
