import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatTab, MatTabGroup } from '@angular/material/tabs';
import { TranslocoPipe } from '@jsverse/transloco';
import type { LearningRating, MyWord } from '@tall/client/api';
import { UiLanguage } from '../../core/i18n';
import { fromStore } from '../../core/store-signal';
import { DutchSpeech } from '../../shared/dutch-speech';
import { EmptyState, LoadingState } from '../../shared/loading-state';
import { PageHeader } from '../../shared/page-header';
import { ProblemBanner } from '../../shared/problem-banner';
import { AddWordDialog } from './add-word.dialog';
import { LEARNING_STORE } from './learning.routes';

const RATINGS: ReadonlyArray<{ rating: LearningRating; key: string }> = [
  { rating: 'again', key: '1' },
  { rating: 'hard', key: '2' },
  { rating: 'good', key: '3' },
  { rating: 'easy', key: '4' },
];

/** Learning cards: today's practice, the personal dictionary, and this week's plan. */
@Component({
  selector: 'tall-learning',
  imports: [FormsModule, DatePipe, TranslocoPipe, MatTabGroup, MatTab, MatButton, MatIconButton, MatIcon, MatFormField, MatLabel, MatPrefix, MatInput, MatPaginator, PageHeader, ProblemBanner, LoadingState, EmptyState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './learning.page.html',
  styleUrl: './learning.page.scss',
  host: { '(document:keydown)': 'onKey($event)' },
})
export class LearningPage {
  private readonly store = inject(LEARNING_STORE);
  private readonly dialog = inject(MatDialog);
  protected readonly learning = fromStore(this.store);
  protected readonly speech = inject(DutchSpeech);
  protected readonly language = inject(UiLanguage);
  protected readonly ratings = RATINGS;
  protected readonly tab = signal(0);
  protected search = '';
  private readonly practice = viewChild<ElementRef<HTMLElement>>('practice');
  protected readonly card = computed(() => this.learning().today?.items[this.learning().index] ?? null);
  /** The coming weeks that bring cards back (weeks without any are left out). */
  protected readonly upcoming = computed(() => this.learning().schedule?.upcoming.filter((week) => week.cards > 0) ?? []);
  protected readonly remaining = computed(() => Math.max(0, (this.learning().today?.items.length ?? 0) - this.learning().index));

  constructor() {
    void this.store.getState().loadToday();
    void this.store.getState().loadWords();
    void this.store.getState().loadSchedule();
    effect(() => {
      const state = this.learning();
      void state.index;
      void state.revealed;
      setTimeout(() => this.practice()?.nativeElement.querySelector<HTMLElement>('[data-autofocus]')?.focus(), 0);
    });
  }

  protected reveal(): void {
    this.store.getState().reveal();
  }

  protected rate(rating: LearningRating): void {
    void this.store.getState().rate(rating);
  }

  protected say(text: string): void {
    this.speech.speak(text);
  }

  protected find(): void {
    void this.store.getState().loadWords({ search: this.search });
  }

  protected page(event: PageEvent): void {
    void this.store.getState().loadWords({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected async add(): Promise<void> {
    const added = await this.dialog.open(AddWordDialog, { data: { store: this.store }, width: '560px', maxWidth: '95vw' }).afterClosed().toPromise();
    if (added) await this.store.getState().loadToday();
  }

  protected async remove(word: MyWord): Promise<void> {
    if (await this.store.getState().removeWord(word.id)) await this.store.getState().loadToday();
  }

  protected dutch(word: { lemma: string; article: string | null }): string {
    return word.article ? `${word.article} ${word.lemma}` : word.lemma;
  }

  /** Keyboard-only practice: Space or Enter shows the answer, 1–4 rate it. */
  protected onKey(event: KeyboardEvent): void {
    if (this.tab() !== 0 || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest('input, textarea, [role="tab"], .mat-mdc-dialog-container')) return;
    if (!this.card()) return;
    if (!this.learning().revealed) {
      if (event.key === ' ' || event.key === 'Enter') {
        event.preventDefault();
        this.reveal();
      }
      return;
    }
    const choice = RATINGS.find((option) => option.key === event.key);
    if (choice) {
      event.preventDefault();
      this.rate(choice.rating);
    }
  }
}
