import { ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ThematicAnswer, ThematicCard, ThematicReviewResult, ThematicSessionMode } from '@tall/client/api';
import { sessionSummary } from '@tall/client/vocabulary/data-access';
import { UiLanguage } from '../../core/i18n';
import { fromStore } from '../../core/store-signal';
import { LOBBY_STORE } from '../../core/tall-client';
import { DutchSpeech } from '../../shared/dutch-speech';
import { LoadingState } from '../../shared/loading-state';
import { ProblemBanner } from '../../shared/problem-banner';
import { THEMATIC_STORE } from './thematic.routes';

export const SESSION_SIZE = 10;
const MODES: readonly ThematicSessionMode[] = ['mixed', 'recognition', 'recall', 'article', 'verb-forms'];

/** One study session of a topic: answer each card, see whether it was right, a summary at the end. */
@Component({
  selector: 'tall-thematic-session',
  imports: [FormsModule, RouterLink, TranslocoPipe, MatButton, MatIconButton, MatIcon, MatFormField, MatLabel, MatInput, MatSelect, MatOption, MatProgressBar, LoadingState, ProblemBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './session.page.html',
  styleUrl: './session.page.scss',
  host: { '(document:keydown)': 'onKey($event)' },
})
export class SessionPage {
  readonly topicId = input.required<string>();
  private readonly store = inject(THEMATIC_STORE);
  private readonly lobby = inject(LOBBY_STORE);
  protected readonly thematic = fromStore(this.store);
  protected readonly speech = inject(DutchSpeech);
  protected readonly language = inject(UiLanguage);
  protected readonly modes = MODES;
  protected readonly mode = signal<ThematicSessionMode>('mixed');
  protected typed = '';
  protected forms = { pastSingular: '', pastPlural: '', participle: '' };
  private readonly cardPanel = viewChild<ElementRef<HTMLElement>>('cardPanel');

  protected readonly card = computed<ThematicCard | null>(() => this.thematic().session?.cards[this.thematic().index] ?? null);
  protected readonly total = computed(() => this.thematic().session?.cards.length ?? 0);
  protected readonly finished = computed(() => {
    const state = this.thematic();
    return !!state.session && state.session.cards.length > 0 && state.index >= state.session.cards.length;
  });
  protected readonly summary = computed(() => sessionSummary(this.thematic().answers));
  protected readonly topicTitle = computed(() => {
    const topic = this.thematic().topic;
    if (!topic) return '';
    return this.language.current() === 'nl' ? topic.title.nl : topic.title.en;
  });

  constructor() {
    effect(() => void this.start(this.topicId()));
    // Each new card and each answer moves the focus: keyboard users never hunt for the next control.
    effect(() => {
      const state = this.thematic();
      void state.index;
      void state.feedback;
      setTimeout(() => {
        const panel = this.cardPanel()?.nativeElement;
        // The innermost marked element: an input or Next button before the panel itself.
        const targets = panel ? [...panel.querySelectorAll<HTMLElement>('[data-autofocus]')] : [];
        (targets.at(-1) ?? (panel?.hasAttribute('data-autofocus') ? panel : null))?.focus();
      }, 0);
    });
  }

  protected async start(topicId: string, mode: ThematicSessionMode = this.mode()): Promise<void> {
    this.reset();
    const state = this.store.getState();
    if (state.topics.length === 0) await state.loadTopics();
    await this.store.getState().startSession(topicId, { size: SESSION_SIZE, mode, lang: 'en' });
    void this.lobby.getState().remember('thematic-cards', `/learn/thematic-cards/${topicId}`);
  }

  protected changeMode(mode: ThematicSessionMode): void {
    this.mode.set(mode);
    void this.start(this.topicId(), mode);
  }

  protected submit(answer: ThematicAnswer): void {
    void this.store.getState().answer(answer);
  }

  protected submitTyped(): void {
    if (this.typed.trim()) this.submit(this.typed.trim());
  }

  protected submitForms(): void {
    const { pastSingular, pastPlural, participle } = this.forms;
    if (pastSingular.trim() && pastPlural.trim() && participle.trim()) this.submit({ pastSingular: pastSingular.trim(), pastPlural: pastPlural.trim(), participle: participle.trim() });
  }

  protected next(): void {
    this.reset();
    this.store.getState().next();
  }

  protected studyAgain(): void {
    void this.start(this.topicId());
  }

  protected say(text: string | null | undefined): void {
    if (text) this.speech.speak(text);
  }

  /** The Dutch of a card, to speak: known from the prompt, or from the answer once checked. */
  protected dutch(card: ThematicCard, expected?: ThematicReviewResult['expected'] | null): string | null {
    switch (card.mode) {
      case 'recognition':
        return [card.prompt.article, card.prompt.lemma].filter(Boolean).join(' ');
      case 'article':
        return card.prompt.lemma;
      case 'verb-forms':
        return card.prompt.infinitive;
      case 'recall':
        return typeof expected === 'string' ? expected : null;
    }
  }

  protected expectedText(expected: ThematicReviewResult['expected'] | null): string {
    if (expected === null) return '';
    return typeof expected === 'string' ? expected : `${expected.pastSingular} · ${expected.pastPlural} · ${expected.participle}`;
  }

  protected answerText(answer: ThematicAnswer): string {
    return typeof answer === 'string' ? answer : `${answer.pastSingular} · ${answer.pastPlural} · ${answer.participle}`;
  }

  /** Keyboard-only study: 1–4 pick an option, D/H pick de/het, Enter moves on, S speaks. */
  protected onKey(event: KeyboardEvent): void {
    const target = event.target instanceof Element ? event.target : null;
    if (event.ctrlKey || event.metaKey || event.altKey || target?.closest('input, textarea, mat-select, [role="listbox"], .mat-mdc-dialog-container')) return;
    const state = this.store.getState();
    const card = this.card();
    if (!card) return;
    if (state.feedback) {
      if (event.key === 'Enter' || event.key === ' ' || event.key === 'ArrowRight') {
        event.preventDefault();
        this.next();
      }
      return;
    }
    if (event.key.toLowerCase() === 's' && this.speech.available()) {
      this.say(this.dutch(card));
      return;
    }
    if (card.mode === 'recognition') {
      const index = Number(event.key) - 1;
      if (index >= 0 && index < card.prompt.options.length) {
        event.preventDefault();
        this.submit(card.prompt.options[index]);
      }
    } else if (card.mode === 'article') {
      const key = event.key.toLowerCase();
      const choice = key === 'd' || key === '1' ? 'de' : key === 'h' || key === '2' ? 'het' : null;
      if (choice) {
        event.preventDefault();
        this.submit(choice);
      }
    }
  }

  private reset(): void {
    this.typed = '';
    this.forms = { pastSingular: '', pastPlural: '', participle: '' };
  }
}
