import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, input, untracked, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { isAnswered, type AttemptResult, type PublicQuestion, type TestAnswer } from '@tall/client/reader/data-access';
import { UiLanguage } from '../core/i18n';
import { fromStore } from '../core/store-signal';
import { EmptyState, LoadingState } from '../shared/loading-state';
import { PageHeader } from '../shared/page-header';
import { ProblemBanner } from '../shared/problem-banner';
import { OrderQuestion } from './order-question';
import { TEST_STORE } from './read.routes';

type Mark = AttemptResult['results'][number];

/** A text's comprehension test: the questions, the marks with the expected answers, and earlier attempts. */
@Component({
  selector: 'tall-reader-test',
  imports: [
    DatePipe,
    RouterLink,
    TranslocoPipe,
    MatButton,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatFormField,
    MatLabel,
    MatInput,
    MatIcon,
    MatRadioGroup,
    MatRadioButton,
    PageHeader,
    ProblemBanner,
    LoadingState,
    EmptyState,
    OrderQuestion,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './test.page.html',
  styleUrl: './test.page.scss',
})
export class TestPage {
  readonly id = input.required<string>();
  private readonly store = inject(TEST_STORE);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(UiLanguage);
  protected readonly state = fromStore(this.store);
  private readonly score = viewChild<ElementRef<HTMLElement>>('score');

  protected readonly questions = computed(() => this.state().test?.questions ?? []);
  protected readonly answeredCount = computed(() => this.questions().filter((question) => isAnswered(question, this.state().answers[question.id])).length);
  protected readonly complete = computed(() => this.questions().length > 0 && this.answeredCount() === this.questions().length);
  protected readonly marks = computed(() => new Map((this.state().result?.results ?? []).map((mark) => [mark.questionId, mark])));

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.store.getState().load(id));
    });
  }

  protected answer(questionId: string, answer: TestAnswer): void {
    this.store.getState().answer(questionId, answer);
  }

  protected text(questionId: string): string {
    const answer = this.state().answers[questionId];
    return typeof answer === 'string' ? answer : '';
  }

  protected order(question: Extract<PublicQuestion, { type: 'order' }>): string[] {
    const answer = this.state().answers[question.id];
    return Array.isArray(answer) ? answer : question.items;
  }

  protected prompt(question: PublicQuestion): string {
    return question.type === 'trueFalse' ? question.statement : question.prompt;
  }

  protected async submit(event?: Event): Promise<void> {
    event?.preventDefault();
    if (!this.complete()) return;
    if (await this.store.getState().submit()) setTimeout(() => this.score()?.nativeElement.focus(), 0);
  }

  protected again(): void {
    this.store.getState().again();
    window.scrollTo({ top: 0 });
  }

  /** The expected answer in words: the option, true or false, the text, or the items in order. */
  protected expected(question: PublicQuestion, mark: Mark): string {
    const expected = mark.expected as Mark['expected'] | number;
    if (typeof expected === 'boolean') return this.transloco.translate(expected ? 'reader.test.true' : 'reader.test.false');
    if (Array.isArray(expected)) return expected.join(' → ');
    if (typeof expected === 'number' && question.type === 'multipleChoice') return question.options[expected] ?? String(expected);
    return String(expected);
  }
}
