import { LiveAnnouncer } from '@angular/cdk/a11y';
import { CdkDrag, CdkDropList, type CdkDragEnd, type CdkDragMove } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, output, signal } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { blanksOf, nextEmptyBlank, withBlank, type Answers, type BlankRef, type ClozeExercise, type ItemResult } from '@tall/client/exercises/data-access';
import { DragClickGuard } from './drag-click-guard';
import { ItemMark } from './item-mark';

/** The text of one blank, typed or taken from the word bank. */
export interface BlankFill {
  blank: BlankRef;
  text: string;
}

const sameBlank = (a: BlankRef | null, b: BlankRef | null) => !!a && !!b && a.itemId === b.itemId && a.blank === b.blank;

/**
 * Sentences with blanks to fill: type in each blank, or, with a word bank, drag a word onto a blank
 * or choose it (a click, or arrows and Enter in the bank) to put it in the marked blank, which then
 * moves on to the next empty one. The mark starts on the first empty blank; a tap on a blank, or
 * the down arrow in it (which also takes the focus to the bank), moves it there. Tabbing through
 * the blanks on the way to the bank leaves it where it is.
 */
@Component({
  selector: 'tall-cloze-exercise',
  imports: [CdkDropList, CdkDrag, MatIcon, TranslocoPipe, ItemMark],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './cloze-exercise.html',
  styleUrls: ['./exercise-tiles.scss', './cloze-exercise.scss'],
})
export class ClozeExerciseView {
  readonly exercise = input.required<ClozeExercise>();
  readonly answers = input.required<Answers>();
  readonly marks = input<ReadonlyMap<string, ItemResult>>(new Map());
  readonly locked = input(false);
  readonly filled = output<BlankFill>();
  private readonly announcer = inject(LiveAnnouncer);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly guard = new DragClickGuard();
  /** The blank the student chose for the bank's next word (a tap, the down arrow, or the one after the last filled). */
  private readonly chosen = signal<BlankRef | null>(null);
  /** Where a word of the bank goes. */
  protected readonly marked = computed(() => this.chosen() ?? nextEmptyBlank(this.exercise(), this.answers(), null));
  /** The word of the bank that Tab reaches (arrows move between them). */
  protected readonly activeWord = signal(0);
  /** The blank under a word being dragged. */
  protected readonly hovered = signal<BlankRef | null>(null);
  protected readonly used = computed(() => new Set(Object.values(this.answers()).flatMap((texts) => (Array.isArray(texts) ? texts.map((text) => text.trim().toLocaleLowerCase('nl')) : []))));

  protected text(ref: BlankRef): string {
    const texts = this.answers()[ref.itemId];
    return Array.isArray(texts) ? (texts[ref.blank] ?? '') : '';
  }

  /** A blank's description: the key to the word bank, and the sentence's hint. */
  protected describedBy(item: ClozeExercise['items'][number]): string | null {
    const ids = [this.exercise().wordBank ? 'cloze-blank-keys' : null, item.hint ? `cloze-hint-${item.id}` : null].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : null;
  }

  /** A blank grows with its text, in characters. */
  protected width(ref: BlankRef): number {
    return Math.max(8, this.text(ref).length + 3);
  }

  protected isMarked(ref: BlankRef): boolean {
    return this.exercise().wordBank !== null && !this.locked() && sameBlank(this.marked(), ref);
  }

  protected isHovered(ref: BlankRef): boolean {
    return sameBlank(this.hovered(), ref);
  }

  protected isUsed(word: string): boolean {
    return this.used().has(word.toLocaleLowerCase('nl'));
  }

  protected blankLabel(number: number, blank: number, count: number): string {
    return count === 1 ? this.transloco.translate('exercises.cloze.blankOne', { number }) : this.transloco.translate('exercises.cloze.blank', { number, blank: blank + 1, count });
  }

  /** A tap or click on a blank: the bank's next word goes there. */
  protected blankChosen(ref: BlankRef): void {
    if (this.exercise().wordBank && !this.locked()) this.chosen.set(ref);
  }

  /** The down arrow in a blank: to the word bank, for this blank. */
  protected blankKeydown(event: KeyboardEvent, ref: BlankRef): void {
    if (event.key !== 'ArrowDown' || event.altKey || event.ctrlKey || event.metaKey || !this.exercise().wordBank || this.locked()) return;
    event.preventDefault();
    this.chosen.set(ref);
    this.focusBankWord(this.activeWord());
    void this.announcer.announce(this.transloco.translate('exercises.cloze.toBank', { place: this.placeOf(ref) }), 'assertive');
  }

  protected typed(ref: BlankRef, event: Event): void {
    this.filled.emit({ blank: ref, text: (event.target as HTMLInputElement).value });
  }

  protected chooseWord(word: string, index: number, event: MouseEvent): void {
    this.activeWord.set(index);
    if (this.locked() || this.guard.isDragEcho(event)) return;
    const target = this.marked();
    if (target) this.place(word, target);
  }

  protected bankKeydown(event: KeyboardEvent, index: number): void {
    if (event.key === 'Escape') {
      // Back to the marked blank.
      const target = this.marked();
      if (!target) return;
      event.preventDefault();
      this.host.nativeElement.querySelector<HTMLElement>(`[data-testid="cloze-blank"][data-item-id="${target.itemId}"][data-blank="${target.blank}"]`)?.focus();
      return;
    }
    const count = this.exercise().wordBank?.length ?? 0;
    const target =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? index + 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? count - 1
              : null;
    if (target === null) return;
    event.preventDefault();
    this.focusBankWord(Math.max(0, Math.min(count - 1, target)));
  }

  private focusBankWord(index: number): void {
    this.activeWord.set(index);
    this.host.nativeElement.querySelector<HTMLElement>(`[data-testid="cloze-bank-word"][data-index="${index}"]`)?.focus();
  }

  protected dragMoved(event: CdkDragMove): void {
    this.hovered.set(this.blankAt(event.pointerPosition));
  }

  protected dragEnded(word: string, event: CdkDragEnd): void {
    this.guard.dragEnded();
    this.hovered.set(null);
    const target = this.blankAt(event.dropPoint);
    if (target && !this.locked()) this.place(word, target);
  }

  private place(word: string, ref: BlankRef): void {
    const exercise = this.exercise();
    const item = exercise.items.find((candidate) => candidate.id === ref.itemId);
    if (!item) return;
    const blanks = item.parts.length - 1;
    this.filled.emit({ blank: ref, text: word });
    const after = withBlank(this.answers(), ref, word, blanks);
    const next = nextEmptyBlank(exercise, after, ref);
    this.chosen.set(next ?? ref);
    const number = exercise.items.indexOf(item) + 1;
    const placed = this.transloco.translate('exercises.cloze.placed', { word, place: this.blankLabel(number, ref.blank, blanks) });
    const then = next ? this.transloco.translate('exercises.cloze.next', { place: this.placeOf(next) }) : this.transloco.translate('exercises.cloze.allFilled');
    void this.announcer.announce(`${placed} ${then}`, 'assertive');
  }

  private placeOf(ref: BlankRef): string {
    const items = this.exercise().items;
    const index = items.findIndex((item) => item.id === ref.itemId);
    return this.blankLabel(index + 1, ref.blank, items[index].parts.length - 1);
  }

  /** The blank at a point of the screen (under the dragged word, which lets the pointer through). */
  private blankAt(point: { x: number; y: number }): BlankRef | null {
    const blank = document.elementsFromPoint(point.x, point.y).find((element) => element instanceof HTMLInputElement && element.dataset['testid'] === 'cloze-blank') as HTMLInputElement | undefined;
    if (!blank) return null;
    const ref = { itemId: blank.dataset['itemId'] ?? '', blank: Number(blank.dataset['blank']) };
    return blanksOf(this.exercise()).some((candidate) => sameBlank(candidate, ref)) ? ref : null;
  }
}
