import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ExerciseSummary, ExerciseType } from '@tall/client/exercises/data-access';

/** The icon of each type of exercise, beside its name. */
export const TYPE_ICONS: Record<ExerciseType, string> = { order: 'low_priority', match: 'join', buckets: 'category', cloze: 'edit_note' };

/** One exercise in a list: its type, level and size, and how the student did last time. */
@Component({
  selector: 'tall-exercise-card',
  imports: [RouterLink, TranslocoPipe, MatAnchor, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h3 class="title"><a [routerLink]="['/exercises', exercise().id]" lang="nl">{{ exercise().title }}</a></h3>
    <p class="meta">
      <span class="chip type" data-testid="exercise-type"><mat-icon aria-hidden="true">{{ icons[exercise().type] }}</mat-icon>{{ 'exercises.types.' + exercise().type | transloco }}</span>
      <span class="chip level" data-testid="exercise-level">{{ exercise().level }}</span>
      <span class="items">{{ 'exercises.list.items' | transloco: { count: exercise().itemCount } }}</span>
    </p>
    @if (exercise().lastScore; as last) {
      <p class="score" [class.full]="full()" data-testid="exercise-last-score">
        <mat-icon aria-hidden="true">{{ full() ? 'task_alt' : 'history' }}</mat-icon>
        {{ 'exercises.list.lastScore' | transloco: { score: last.score, max: last.maxScore } }}
      </p>
    } @else {
      <p class="score none" data-testid="exercise-not-done">{{ 'exercises.list.notDone' | transloco }}</p>
    }
    <div class="actions">
      <a
        mat-stroked-button
        data-testid="exercise-open"
        [routerLink]="['/exercises', exercise().id]"
        [attr.aria-label]="(exercise().lastScore ? 'exercises.list.againNamed' : 'exercises.list.startNamed') | transloco: { title: exercise().title }"
      >
        {{ (exercise().lastScore ? 'exercises.list.again' : 'exercises.list.start') | transloco }}
      </a>
    </div>
  `,
  styles: `
    @use '../shared/catalog';
    @include catalog.chips;
    :host {
      display: flex;
      flex-direction: column;
      gap: 8px;
      height: 100%;
      box-sizing: border-box;
      padding: 16px;
      border-radius: 16px;
      background: var(--mat-sys-surface-container-lowest);
      border: 1px solid var(--mat-sys-outline-variant);
    }
    @include catalog.card-title;
    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px;
      margin: 0;
    }
    .items {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .score {
      display: flex;
      align-items: center;
      gap: 6px;
      margin: 0;
      font: var(--mat-sys-label-large);
    }
    .score mat-icon {
      font-size: 18px;
      width: 18px;
      height: 18px;
    }
    .score.full {
      color: var(--mat-sys-primary);
    }
    .score.none {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      margin-top: auto;
      padding-top: 4px;
    }
  `,
})
export class ExerciseCard {
  readonly exercise = input.required<Pick<ExerciseSummary, 'id' | 'title' | 'type' | 'level' | 'itemCount' | 'lastScore'>>();
  protected readonly icons = TYPE_ICONS;
  protected readonly full = computed(() => {
    const last = this.exercise().lastScore;
    return !!last && last.score === last.maxScore;
  });
}
