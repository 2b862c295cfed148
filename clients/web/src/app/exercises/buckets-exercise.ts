import { LiveAnnouncer } from '@angular/cdk/a11y';
import { CdkDrag, CdkDropList, CdkDropListGroup, type CdkDragDrop } from '@angular/cdk/drag-drop';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, input, output } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger, type MenuCloseReason } from '@angular/material/menu';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Answers, BucketsExercise, ItemResult } from '@tall/client/exercises/data-access';
import { DragClickGuard } from './drag-click-guard';

/** An item put in a bucket, or back among the unsorted (null). */
export interface BucketMove {
  itemId: string;
  bucketId: string | null;
}

type Word = BucketsExercise['items'][number];

/** The unsorted words, then one area per bucket: the same lists, so one template draws them all. */
interface Area {
  /** Null for the unsorted words. */
  bucketId: string | null;
  label: string;
  /** The digit that sends a word here (0 for the unsorted). */
  key: number;
  words: Word[];
}

/**
 * Words to sort into buckets (de/het, separable or not …): drag a word into a bucket. With the
 * keyboard, on a word: a digit sends it to that bucket (0 back to the unsorted), Enter or Space
 * (or a tap) opens a menu of the buckets, arrows move between the words of a list. Each move is
 * announced with how many words the bucket holds.
 */
@Component({
  selector: 'tall-buckets-exercise',
  imports: [CdkDropListGroup, CdkDropList, CdkDrag, MatIcon, MatMenu, MatMenuItem, MatMenuContent, MatMenuTrigger, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './buckets-exercise.html',
  styleUrls: ['./exercise-tiles.scss', './buckets-exercise.scss'],
})
export class BucketsExerciseView {
  readonly exercise = input.required<BucketsExercise>();
  readonly answers = input.required<Answers>();
  readonly marks = input<ReadonlyMap<string, ItemResult>>(new Map());
  readonly locked = input(false);
  readonly sorted = output<BucketMove>();
  private readonly announcer = inject(LiveAnnouncer);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly guard = new DragClickGuard();
  /** The word whose menu is open. */
  private menuWord: Word | null = null;

  protected readonly areas = computed<Area[]>(() => {
    const { items, buckets } = this.exercise();
    const answers = this.answers();
    const known = new Set(buckets.map((bucket) => bucket.id));
    const bucketOf = (item: Word) => {
      const answer = answers[item.id];
      return typeof answer === 'string' && known.has(answer) ? answer : null;
    };
    return [
      { bucketId: null, label: '', key: 0, words: items.filter((item) => bucketOf(item) === null) },
      ...buckets.map((bucket, index) => ({ bucketId: bucket.id, label: bucket.label, key: index + 1, words: items.filter((item) => bucketOf(item) === bucket.id) })),
    ];
  });
  /** The keys of the buckets, for the help: "1 (de), 2 (het)". */
  protected readonly keys = computed(() =>
    this.exercise()
      .buckets.map((bucket, index) => `${index + 1} (${bucket.label})`)
      .join(', '),
  );

  protected labelOf(bucketId: string | null): string {
    return this.exercise().buckets.find((bucket) => bucket.id === bucketId)?.label ?? '';
  }

  protected wordLabel(word: Word, area: Area): string {
    const mark = this.marks().get(word.id);
    const place = area.bucketId === null ? this.transloco.translate('exercises.buckets.inPool') : this.transloco.translate('exercises.buckets.inBucket', { bucket: area.label });
    const label = this.transloco.translate('exercises.buckets.word', { word: word.text, place });
    if (!mark) return label;
    if (mark.correct) return `${label}. ${this.transloco.translate('exercises.exercise.correct')}`;
    return `${label}. ${this.transloco.translate('exercises.exercise.incorrect')} ${this.transloco.translate('exercises.buckets.belongsIn', { bucket: this.labelOf(String(mark.expected)) })}`;
  }

  protected keydown(event: KeyboardEvent, word: Word, area: Area, index: number): void {
    if (this.locked() || event.altKey || event.ctrlKey || event.metaKey) return;
    const buckets = this.exercise().buckets;
    if (/^[0-9]$/.test(event.key)) {
      const key = Number(event.key);
      if (key > buckets.length) return;
      event.preventDefault();
      this.send(word, area, index, key === 0 ? null : buckets[key - 1].id);
      return;
    }
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      this.send(word, area, index, null);
      return;
    }
    const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = area.words[index + step];
    if (next) this.focusWord(next.id, false);
  }

  /** A click or tap (Enter and Space click too) opens the menu of buckets. */
  protected opened(event: MouseEvent, word: Word, trigger: MatMenuTrigger): void {
    if (this.locked() || this.guard.isDragEcho(event)) return;
    this.menuWord = word;
    trigger.openMenu();
  }

  protected chosen(word: Word, bucketId: string | null): void {
    const area = this.areas().find((candidate) => candidate.words.some((candidate) => candidate.id === word.id));
    if (area) this.send(word, area, area.words.indexOf(word), bucketId);
  }

  /** The menu closed without a choice (Escape, Tab, a click outside): back to the word it was opened for. */
  protected menuClosed(reason: MenuCloseReason): void {
    const word = this.menuWord;
    this.menuWord = null;
    if (word && reason !== 'click') this.focusWord(word.id, true);
  }

  protected dropped(bucketId: string | null, event: CdkDragDrop<unknown, unknown, string>): void {
    if (event.previousContainer === event.container) return;
    const word = this.exercise().items.find((item) => item.id === event.item.data);
    if (word) this.move(word, bucketId);
  }

  /**
   * Sends a word from the keyboard or the menu. The focus stays among the unsorted words while
   * there are some (the next one takes the place of the word sent), else it follows the word.
   */
  private send(word: Word, area: Area, index: number, bucketId: string | null): void {
    if (area.bucketId === bucketId) {
      this.focusWord(word.id, true);
      return;
    }
    this.move(word, bucketId);
    const rest = area.bucketId === null ? area.words.filter((candidate) => candidate.id !== word.id) : [];
    const next = rest[Math.min(index, rest.length - 1)];
    this.focusWord(next?.id ?? word.id, true);
  }

  private move(word: Word, bucketId: string | null): void {
    const others = this.areas().find((area) => area.bucketId === bucketId)?.words.filter((candidate) => candidate.id !== word.id).length ?? 0;
    this.sorted.emit({ itemId: word.id, bucketId });
    if (bucketId === null) this.say('exercises.buckets.returned', { word: word.text });
    else this.say('exercises.buckets.sent', { word: word.text, bucket: this.labelOf(bucketId), count: others + 1 });
  }

  private focusWord(itemId: string, afterRender: boolean): void {
    const focus = () => this.host.nativeElement.querySelector<HTMLElement>(`[data-testid="bucket-word"][data-item-id="${itemId}"]`)?.focus();
    if (afterRender) afterNextRender(focus, { injector: this.injector });
    else focus();
  }

  private say(key: string, params: Record<string, string | number>): void {
    void this.announcer.announce(this.transloco.translate(key, params), 'assertive');
  }
}
