import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';
import { WORD_STATES, type WordState } from '@tall/client/reader/data-access';
import type { ParagraphView, TextView, WordView } from './reader-view';
import { wordStateProperties } from './word-states';

/**
 * The text itself: every word a button coloured by its state. One word at a time is in the tab
 * order (a roving tabindex): arrow keys move by word (← →) and by sentence (↑ ↓), Home and End go to
 * the first and last word, Enter or Space opens the word. Words of one group (a separable verb and
 * its prefix) light up together.
 */
@Component({
  selector: 'tall-reader-text',
  imports: [NgTemplateOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    lang: 'nl',
    '[style]': 'properties',
    '[style.font-size.px]': 'fontSize()',
    '(click)': 'onClick($event)',
    '(keydown)': 'onKeydown($event)',
    '(focusin)': 'onFocusIn($event)',
    '(mouseover)': 'onHover($event)',
    '(mouseleave)': 'hovered.set(null)',
  },
  // Whitespace matters here: the text between words is printed exactly, so the token loop is one line.
  template: `
    @for (paragraph of view().paragraphs; track paragraph.index) {
      @if (paragraph.heading) {
        <h2 class="paragraph heading" data-testid="reader-paragraph" [attr.data-paragraph]="paragraph.index"><ng-container *ngTemplateOutlet="sentences; context: { $implicit: paragraph }" /></h2>
      } @else {
        <p class="paragraph" data-testid="reader-paragraph" [attr.data-paragraph]="paragraph.index"><ng-container *ngTemplateOutlet="sentences; context: { $implicit: paragraph }" /></p>
      }
    }
    <ng-template #sentences let-context>@let paragraph = asParagraph(context);@for (sentence of paragraph.sentences; track sentence.index) {<span class="sentence" [attr.data-sentence]="sentence.index">@for (piece of sentence.pieces; track $index) {@if (piece.word; as word) {<span class="word" role="button" data-testid="reader-word" [attr.data-word]="word.index" [attr.data-state]="word.state" [attr.data-key]="word.key" [attr.tabindex]="word.index === active() ? 0 : -1" [attr.aria-description]="stateNames()[word.state]" [class]="word.state" [class.together]="word.group !== null && word.group === highlighted()" [class.selected]="word.index === selected()">{{ piece.text }}</span>} @else {{{ piece.text }}}}</span>}</ng-template>
  `,
  styleUrl: './reader-text.scss',
})
export class ReaderText {
  readonly view = input.required<TextView>();
  readonly fontSize = input(18);
  /** The word whose details are open. */
  readonly selected = input<number | null>(null);
  /** A word was chosen (click, tap, Enter, Space). */
  readonly opened = output<WordView>();
  /** The keyboard's word moved (focus). */
  readonly moved = output<WordView>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly transloco = inject(TranslocoService);
  protected readonly properties = wordStateProperties();
  protected readonly active = signal(0);
  protected readonly hovered = signal<number | null>(null);
  /** The group to light up: the hovered word's, else the focused word's, else the open word's. */
  protected readonly highlighted = computed(() => {
    const words = this.view().words;
    for (const index of [this.hovered(), this.focused(), this.selected()]) {
      const group = index === null ? null : (words[index]?.group ?? null);
      if (group !== null) return group;
    }
    return null;
  });
  private readonly focused = signal<number | null>(null);
  private readonly translation = toSignal(this.transloco.selectTranslation(), { initialValue: {} });
  /** Screen readers hear each word's state after the word itself. */
  protected readonly stateNames = computed<Record<WordState, string>>(() => {
    void this.translation();
    return Object.fromEntries(WORD_STATES.map((state) => [state, this.transloco.translate(`reader.states.${state}`)])) as Record<WordState, string>;
  });

  /** The template outlet's context, typed again. */
  protected asParagraph(context: unknown): ParagraphView {
    return context as ParagraphView;
  }

  /** Puts the keyboard on a word (and the focus, when asked), scrolling it into view. */
  focusWord(index: number, focus = true): void {
    const words = this.view().words;
    if (words.length === 0) return;
    const target = Math.max(0, Math.min(words.length - 1, index));
    this.active.set(target);
    if (focus) this.element(target)?.focus();
  }

  protected onClick(event: MouseEvent): void {
    const word = this.wordAt(event.target);
    if (!word) return;
    this.active.set(word.index);
    this.opened.emit(word);
  }

  protected onKeydown(event: KeyboardEvent): void {
    const word = this.wordAt(event.target);
    if (!word || event.altKey || event.metaKey) return;
    const view = this.view();
    let next: number | null = null;
    switch (event.key) {
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.opened.emit(word);
        return;
      case 'ArrowRight':
        next = word.index + 1;
        break;
      case 'ArrowLeft':
        next = word.index - 1;
        break;
      case 'ArrowDown':
        next = this.sentenceStart(view, word, 1);
        break;
      case 'ArrowUp':
        next = this.sentenceStart(view, word, -1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = view.words.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    if (next !== null) this.focusWord(next);
  }

  protected onFocusIn(event: FocusEvent): void {
    const word = this.wordAt(event.target);
    if (!word) return;
    this.active.set(word.index);
    this.focused.set(word.index);
    this.moved.emit(word);
  }

  protected onHover(event: MouseEvent): void {
    this.hovered.set(this.wordAt(event.target)?.index ?? null);
  }

  private wordAt(target: EventTarget | null): WordView | null {
    const element = target instanceof Element ? target.closest<HTMLElement>('[data-word]') : null;
    return element ? (this.view().words[Number(element.dataset['word'])] ?? null) : null;
  }

  private element(index: number): HTMLElement | null {
    return this.host.nativeElement.querySelector<HTMLElement>(`[data-word="${index}"]`);
  }

  /** The first word of the next (or previous) sentence that has words; the same word at either end. */
  private sentenceStart(view: TextView, word: WordView, direction: 1 | -1): number {
    const starts = view.paragraphs.flatMap((paragraph) => paragraph.sentences.map((sentence) => sentence.firstWord)).filter((start): start is number => start !== null);
    const current = starts.filter((start) => start <= word.index).length - 1;
    // Up from inside a sentence goes to its own start first.
    if (direction === -1 && starts[current] !== word.index) return starts[current] ?? word.index;
    return starts[current + direction] ?? word.index;
  }
}
