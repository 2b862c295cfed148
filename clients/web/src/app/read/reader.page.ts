import { LiveAnnouncer } from '@angular/cdk/a11y';
import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, DOCUMENT, effect, ElementRef, inject, input, signal, untracked, viewChild } from '@angular/core';
import { MatBottomSheet } from '@angular/material/bottom-sheet';
import { MatButton, MatIconAnchor, MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { PositionReporter, ReadingClock, sentenceText, WORD_STATES, type ReaderText as ReaderTextData, type ReadingPlace, type WordState } from '@tall/client/reader/data-access';
import { problemText } from '../core/problem-text';
import { fromStore } from '../core/store-signal';
import { LOBBY_STORE } from '../core/tall-client';
import { LoadingState } from '../shared/loading-state';
import { ProblemBanner } from '../shared/problem-banner';
import { READER_STORE } from './read.routes';
import { changeFontSize, FONT_SIZE, storedFontSize } from './reader-font';
import { ReaderText } from './reader-text';
import { buildTextView, groupOf, type TextView, type WordView } from './reader-view';
import { WordSheet, type WordSheetAction, type WordSheetData } from './word-sheet';
import { wordStateProperties } from './word-states';

const EMPTY_VIEW: TextView = { paragraphs: [], words: [] };
type TextPlace = ReadingPlace & { textId: string };
/** The end counts as reached only after this long on the text: a short text can fit on one screen. */
export const END_AFTER_MS = 10_000;

/** One text to read: words coloured by state, their details in a sheet, the position kept for next time. */
@Component({
  selector: 'tall-reader',
  imports: [DecimalPipe, RouterLink, TranslocoPipe, MatButton, MatIconButton, MatIconAnchor, MatIcon, MatProgressBar, LoadingState, ProblemBanner, ReaderText],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reader.page.html',
  styleUrl: './reader.page.scss',
})
export class ReaderPage {
  readonly id = input.required<string>();
  private readonly store = inject(READER_STORE);
  private readonly lobby = inject(LOBBY_STORE);
  private readonly sheet = inject(MatBottomSheet);
  private readonly snackBar = inject(MatSnackBar);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  protected readonly reader = fromStore(this.store);
  protected readonly text = computed(() => this.reader().text);
  protected readonly view = computed(() => {
    const text = this.text();
    return text ? buildTextView(text.paragraphs) : EMPTY_VIEW;
  });
  protected readonly states = WORD_STATES;
  protected readonly stateColours = wordStateProperties();
  protected readonly fontSize = signal(storedFontSize());
  protected readonly fontLimits = FONT_SIZE;
  /** The word whose sheet is open. */
  protected readonly selected = signal<number | null>(null);
  private readonly textComponent = viewChild(ReaderText);
  private readonly textElement = viewChild(ReaderText, { read: ElementRef });

  private readonly clock = new ReadingClock(() => Date.now(), this.document.visibilityState !== 'hidden');
  /** Where the student is: the top paragraph in view, and the sentence of the last word they opened there. */
  private place: TextPlace | null = null;
  private readonly reporter = new PositionReporter<TextPlace>({
    clock: this.clock,
    place: () => this.place,
    send: ({ textId, paragraph, sentence }, seconds, options) => this.store.getState().reportPosition(textId, { paragraph, sentence }, seconds, options),
  });
  private observer: IntersectionObserver | null = null;
  private readonly inView = new Set<number>();
  private openedAt = 0;
  private lastWord: WordView | null = null;
  private endTimer: ReturnType<typeof setTimeout> | null = null;
  private shownText: string | null = null;

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.openText(id));
    });
    // Once a text arrives: back to where the student was, and watch which paragraphs are in view.
    effect(() => {
      const text = this.text();
      if (!text || text.id === this.shownText) return;
      this.shownText = text.id;
      untracked(() => this.show(text));
    });
    this.listenForReading();
  }

  protected smaller(): void {
    this.fontSize.set(changeFontSize(this.fontSize(), -1));
  }

  protected larger(): void {
    this.fontSize.set(changeFontSize(this.fontSize(), 1));
  }

  protected retry(): void {
    void this.openText(this.id());
  }

  protected moved(word: WordView): void {
    this.clock.activity();
    this.noteWord(word);
  }

  /** Opens the word's sheet; what the student chooses there is done when it closes. */
  protected openWord(word: WordView): void {
    const text = this.text();
    if (!text) return;
    this.clock.activity();
    this.noteWord(word);
    this.selected.set(word.index);
    const state = this.reader();
    const data: WordSheetData = {
      word,
      together: togetherText(groupOf(this.view(), word)),
      gloss: word.glossKey ? (text.glosses[word.glossKey] ?? null) : null,
      state: word.state,
      saved: state.saved.includes(word.key) || !!word.token.userWordId,
    };
    const ref = this.sheet.open<WordSheet, WordSheetData, WordSheetAction>(WordSheet, { data, ariaLabel: this.transloco.translate('reader.word.sheetLabel', { word: data.together }) });
    ref.afterDismissed().subscribe((action) => {
      this.selected.set(null);
      if (action) void this.act(text, word, data.together, action);
    });
  }

  private async act(text: ReaderTextData, word: WordView, together: string, action: WordSheetAction): Promise<void> {
    if (action.kind === 'state') {
      if (await this.store.getState().setWordState(word.token, action.state)) {
        const percent = this.text()?.stats.knownPercent ?? 0;
        void this.announcer.announce(this.transloco.translate('reader.word.marked', { word: together, state: this.stateName(action.state), percent: Math.round(percent) }), 'polite');
      } else this.explainProblem();
      return;
    }
    const sentence = sentenceText(text.paragraphs[word.paragraph].sentences[word.sentence], word.tokenIndex);
    const saved = await this.store.getState().saveWord(word.token, sentence);
    if (!saved) {
      this.explainProblem();
      return;
    }
    this.snackBar.open(this.transloco.translate(saved.alreadySaved ? 'reader.word.alreadySaved' : 'reader.word.savedMessage', { word: saved.lemma }), this.transloco.translate('common.close'), { duration: 5000 });
  }

  private explainProblem(): void {
    const problem = this.store.getState().problem;
    if (!problem) return;
    const { key, params } = problemText(problem);
    this.snackBar.open(this.transloco.translate(key, params), this.transloco.translate('common.close'), { duration: 8000 });
  }

  private stateName(state: WordState): string {
    return this.transloco.translate(`reader.states.${state}`);
  }

  private async openText(id: string): Promise<void> {
    // The last report of the text being left goes first: it names its own text.
    if (this.place && this.place.textId !== id) void this.reporter.report(true);
    this.place = null;
    this.shownText = null;
    this.inView.clear();
    this.observer?.disconnect();
    await this.store.getState().open(id);
  }

  private show(text: ReaderTextData): void {
    const saved = text.position && !text.position.finished ? text.position : null;
    this.place = { textId: text.id, paragraph: saved?.paragraph ?? 0, sentence: saved?.sentence ?? 0 };
    this.openedAt = Date.now();
    this.lastWord = null;
    void this.lobby.getState().remember('reader', `/read/texts/${text.id}`);
    this.reporter.start();
    if (this.endTimer) clearTimeout(this.endTimer);
    this.endTimer = setTimeout(() => this.checkEnd(), END_AFTER_MS);
    // After the text is drawn.
    setTimeout(() => {
      const host = this.textElement()?.nativeElement as HTMLElement | undefined;
      if (!host) return;
      if (saved && saved.paragraph > 0) {
        host.querySelector<HTMLElement>(`[data-paragraph="${saved.paragraph}"]`)?.scrollIntoView({ block: 'start' });
        const first = this.view().paragraphs[saved.paragraph]?.firstWord;
        if (first !== null && first !== undefined) this.textComponent()?.focusWord(first, false);
      }
      this.watchParagraphs(host);
    }, 0);
  }

  private watchParagraphs(host: HTMLElement): void {
    this.observer?.disconnect();
    if (typeof IntersectionObserver === 'undefined') return;
    this.observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const index = Number((entry.target as HTMLElement).dataset['paragraph']);
        if (entry.isIntersecting) this.inView.add(index);
        else this.inView.delete(index);
      }
      this.onScrolled();
    });
    host.querySelectorAll('[data-paragraph]').forEach((paragraph) => this.observer?.observe(paragraph));
  }

  private onScrolled(): void {
    if (!this.place || this.inView.size === 0) return;
    const top = Math.min(...this.inView);
    if (top !== this.place.paragraph && !this.atEnd()) {
      const sentence = this.lastWord?.paragraph === top ? this.lastWord.sentence : 0;
      this.place = { ...this.place, paragraph: top, sentence };
    }
    this.checkEnd();
  }

  private atEnd(): boolean {
    return this.reader().finished && this.place?.paragraph === this.view().paragraphs.length - 1;
  }

  /** The last paragraph in view, after long enough on the text: the end is reached, and said at once. */
  private checkEnd(): void {
    const text = this.text();
    if (!text || !this.place || this.place.textId !== text.id) return;
    const last = text.paragraphs.length - 1;
    if (!this.inView.has(last) || Date.now() - this.openedAt < END_AFTER_MS || this.atEnd()) return;
    this.place = { ...this.place, paragraph: last, sentence: Math.max(0, text.paragraphs[last].sentences.length - 1) };
    void this.reporter.report();
  }

  private noteWord(word: WordView): void {
    this.lastWord = word;
    if (this.place && this.place.paragraph === word.paragraph) this.place = { ...this.place, sentence: word.sentence };
  }

  /** Counts reading time only while the page is visible and the student does something now and then. */
  private listenForReading(): void {
    const window = this.document.defaultView;
    if (!window) return;
    const active = () => this.clock.activity();
    const visibility = () => {
      const visible = this.document.visibilityState !== 'hidden';
      this.clock.setVisible(visible);
      // A hidden page may never come back (a phone closes the tab): report now.
      if (!visible) void this.reporter.report(true);
    };
    const leaving = () => void this.reporter.report(true);
    const options = { passive: true, capture: true };
    for (const type of ['scroll', 'keydown', 'pointerdown', 'touchstart', 'wheel'] as const) window.addEventListener(type, active, options);
    this.document.addEventListener('visibilitychange', visibility);
    window.addEventListener('pagehide', leaving);
    inject(DestroyRef).onDestroy(() => {
      for (const type of ['scroll', 'keydown', 'pointerdown', 'touchstart', 'wheel'] as const) window.removeEventListener(type, active, options);
      this.document.removeEventListener('visibilitychange', visibility);
      window.removeEventListener('pagehide', leaving);
      this.observer?.disconnect();
      if (this.endTimer) clearTimeout(this.endTimer);
      void this.reporter.stop();
    });
  }
}

/** The words of a group as one phrase: `bel … op` when apart, `in plaats van` when side by side. */
export function togetherText(words: WordView[]): string {
  return words.reduce((phrase, word, index) => {
    if (index === 0) return word.text;
    const previous = words[index - 1];
    const adjacent = previous.paragraph === word.paragraph && previous.sentence === word.sentence && word.index === previous.index + 1;
    return `${phrase}${adjacent ? ' ' : ' … '}${word.text}`;
  }, '');
}
