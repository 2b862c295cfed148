import { ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, input, output, signal, untracked, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { ApiProblem } from '@tall/client/api';
import type { VideoAnswer, VideoAnswerResult, VideoQuestion } from '@tall/client/listening/data-access';
import { ProblemBanner } from '../shared/problem-banner';

/**
 * The question the video stopped for, in the page (not a dialog: the video stays in view): the
 * answer by its kind, then the server's verdict with the expected answer. The page moves focus here
 * and announces the question.
 */
@Component({
  selector: 'tall-question-panel',
  imports: [FormsModule, TranslocoPipe, MatButton, MatIcon, MatFormField, MatLabel, MatInput, MatRadioGroup, MatRadioButton, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './question-panel.html',
  styleUrl: './question-panel.scss',
})
export class QuestionPanel {
  readonly question = input.required<VideoQuestion>();
  readonly number = input.required<number>();
  readonly total = input.required<number>();
  readonly verdict = input<VideoAnswerResult | null>(null);
  readonly submitting = input(false);
  readonly problem = input<ApiProblem | null>(null);
  readonly submitted = output<Exclude<VideoAnswer, null>>();
  readonly skipped = output<void>();
  readonly continued = output<void>();

  private readonly transloco = inject(TranslocoService);
  private readonly panel = viewChild.required<ElementRef<HTMLElement>>('panel');
  private readonly continueButton = viewChild('continueButton', { read: ElementRef<HTMLElement> });
  protected readonly choice = signal<number | boolean | null>(null);
  protected readonly text = signal('');
  protected readonly ready = computed(() => (this.question().kind === 'shortAnswer' ? this.text().trim().length > 0 : this.choice() !== null));

  constructor() {
    // A new question starts blank.
    effect(() => {
      this.question();
      untracked(() => {
        this.choice.set(null);
        this.text.set('');
      });
    });
  }

  /** Moves focus to the question, so it is read out and the keyboard is there. */
  focus(): void {
    this.panel().nativeElement.focus();
  }

  /** Moves focus to "Continue" once the verdict shows. */
  focusContinue(): void {
    (this.continueButton()?.nativeElement as HTMLElement | undefined)?.focus();
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (!this.ready() || this.submitting() || this.verdict()) return;
    const question = this.question();
    const choice = this.choice();
    this.submitted.emit(question.kind === 'shortAnswer' ? this.text().trim() : (choice as number | boolean));
  }

  /** The expected answer in words: the option, true or false, or an accepted answer. */
  protected expected(verdict: VideoAnswerResult): string {
    const expected = verdict.expected;
    if (typeof expected === 'boolean') return this.transloco.translate(expected ? 'listening.question.true' : 'listening.question.false');
    return expected;
  }
}
