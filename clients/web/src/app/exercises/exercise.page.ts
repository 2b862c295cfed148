import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, input, untracked, viewChild } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { answeredCount } from '@tall/client/exercises/data-access';
import { fromStore } from '../core/store-signal';
import { EmptyState, LoadingState } from '../shared/loading-state';
import { PageHeader } from '../shared/page-header';
import { ProblemBanner } from '../shared/problem-banner';
import { BucketsExerciseView, type BucketMove } from './buckets-exercise';
import { ClozeExerciseView, type BlankFill } from './cloze-exercise';
import { TYPE_ICONS } from './exercise-card';
import { EXERCISE_STORE } from './exercises.routes';
import { MatchExerciseView, type OptionMatch } from './match-exercise';
import { OrderExerciseView, type TokenMove } from './order-exercise';

/** One exercise: its instructions, the items to do by the type's moves, the marks and the score. */
@Component({
  selector: 'tall-exercise',
  imports: [
    RouterLink,
    TranslocoPipe,
    MatAnchor,
    MatButton,
    MatIcon,
    PageHeader,
    ProblemBanner,
    LoadingState,
    EmptyState,
    OrderExerciseView,
    MatchExerciseView,
    BucketsExerciseView,
    ClozeExerciseView,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './exercise.page.html',
  styleUrl: './exercise.page.scss',
})
export class ExercisePage {
  readonly id = input.required<string>();
  private readonly store = inject(EXERCISE_STORE);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly transloco = inject(TranslocoService);
  protected readonly state = fromStore(this.store);
  protected readonly icons = TYPE_ICONS;
  private readonly score = viewChild<ElementRef<HTMLElement>>('score');

  protected readonly marks = computed(() => new Map((this.state().result?.results ?? []).map((mark) => [mark.itemId, mark])));
  protected readonly answered = computed(() => {
    const exercise = this.state().exercise;
    return exercise ? answeredCount(exercise, this.state().answers) : 0;
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.store.getState().load(id));
    });
  }

  protected moveToken(move: TokenMove): void {
    this.store.getState().moveToken(move.itemId, move.from, move.to);
  }

  protected match(change: OptionMatch): void {
    this.store.getState().match(change.itemId, change.option);
  }

  protected sort(move: BucketMove): void {
    this.store.getState().sort(move.itemId, move.bucketId);
  }

  protected fill(change: BlankFill): void {
    this.store.getState().fill(change.blank, change.text);
  }

  protected async submit(): Promise<void> {
    const result = await this.store.getState().submit();
    if (!result) return;
    // The score is read out where the focus lands; the marks follow it in the page.
    setTimeout(() => this.score()?.nativeElement.focus(), 0);
  }

  protected again(): void {
    this.store.getState().again();
    window.scrollTo({ top: 0 });
    void this.announcer.announce(this.transloco.translate('exercises.exercise.againAnnounced'), 'polite');
  }
}
