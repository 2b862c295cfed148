import { LiveAnnouncer } from '@angular/cdk/a11y';
import { CdkDrag, CdkDropList, type CdkDragDrop } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, ElementRef, inject, input, output, signal } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Answers, ItemResult, OrderExercise } from '@tall/client/exercises/data-access';
import { ItemMark } from './item-mark';

/** A move of one word of a sentence from one place to another. */
export interface TokenMove {
  itemId: string;
  from: number;
  to: number;
}

/** The word held with the keyboard: its sentence, where it is now, and where it was picked up. */
interface Held {
  itemId: string;
  index: number;
  origin: number;
}

/**
 * Sentences to build: each one's words in a sortable list. Drag a word (mouse or touch), or with
 * the keyboard: arrows choose a word, Space or Enter picks it up, arrows move it, Space or Enter
 * drops it and Escape puts it back. Every move is announced with the word's new place.
 */
@Component({
  selector: 'tall-order-exercise',
  imports: [CdkDropList, CdkDrag, MatIcon, TranslocoPipe, ItemMark],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './order-exercise.html',
  styleUrls: ['./exercise-tiles.scss', './order-exercise.scss'],
})
export class OrderExerciseView {
  readonly exercise = input.required<OrderExercise>();
  readonly answers = input.required<Answers>();
  readonly marks = input<ReadonlyMap<string, ItemResult>>(new Map());
  /** Graded: the words stay where they are until the student tries again. */
  readonly locked = input(false);
  readonly moved = output<TokenMove>();
  private readonly announcer = inject(LiveAnnouncer);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  /** The word of each sentence that Tab reaches (one stop per sentence; arrows move between its words). */
  protected readonly active = signal<Readonly<Record<string, number>>>({});
  protected readonly held = signal<Held | null>(null);

  protected tokens(itemId: string): string[] {
    const answer = this.answers()[itemId];
    return Array.isArray(answer) ? answer : [];
  }

  protected tabIndex(itemId: string, index: number): number {
    return (this.active()[itemId] ?? 0) === index ? 0 : -1;
  }

  protected isHeld(itemId: string, index: number): boolean {
    const held = this.held();
    return held !== null && held.itemId === itemId && held.index === index;
  }

  protected focused(itemId: string, index: number): void {
    this.active.update((active) => ({ ...active, [itemId]: index }));
  }

  /** Focus leaving the sentence while a word is held drops it where it is. */
  protected focusLeft(event: FocusEvent, itemId: string): void {
    const held = this.held();
    if (!held || held.itemId !== itemId) return;
    const next = event.relatedTarget as Node | null;
    if (next && (event.currentTarget as HTMLElement).contains(next)) return;
    this.drop();
  }

  protected keydown(event: KeyboardEvent, itemId: string, index: number): void {
    if (this.locked()) return;
    const count = this.tokens(itemId).length;
    const held = this.held();
    const holding = held !== null && held.itemId === itemId;
    let target: number;
    switch (event.key) {
      case ' ':
      case 'Enter':
        event.preventDefault();
        if (holding) this.drop();
        else this.pickUp(itemId, index);
        return;
      case 'Escape':
        if (!holding) return;
        event.preventDefault();
        this.cancel();
        return;
      case 'ArrowLeft':
      case 'ArrowUp':
        target = index - 1;
        break;
      case 'ArrowRight':
      case 'ArrowDown':
        target = index + 1;
        break;
      case 'Home':
        target = 0;
        break;
      case 'End':
        target = count - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    if (target < 0 || target >= count || target === index) return;
    if (holding) {
      const word = this.tokens(itemId)[index];
      this.moved.emit({ itemId, from: index, to: target });
      this.held.set({ ...held, index: target });
      this.say('exercises.order.moved', itemId, target, count, word);
    }
    this.focusTile(itemId, target);
  }

  protected dropped(itemId: string, event: CdkDragDrop<unknown>): void {
    if (event.previousIndex === event.currentIndex) return;
    const word = this.tokens(itemId)[event.previousIndex];
    const count = this.tokens(itemId).length;
    this.moved.emit({ itemId, from: event.previousIndex, to: event.currentIndex });
    this.active.update((active) => ({ ...active, [itemId]: event.currentIndex }));
    this.say('exercises.order.moved', itemId, event.currentIndex, count, word);
  }

  private pickUp(itemId: string, index: number): void {
    this.held.set({ itemId, index, origin: index });
    this.say('exercises.order.pickedUp', itemId, index, this.tokens(itemId).length);
  }

  private drop(): void {
    const held = this.held();
    if (!held) return;
    this.held.set(null);
    this.say('exercises.order.dropped', held.itemId, held.index, this.tokens(held.itemId).length);
  }

  private cancel(): void {
    const held = this.held();
    if (!held) return;
    const word = this.tokens(held.itemId)[held.index];
    if (held.index !== held.origin) this.moved.emit({ itemId: held.itemId, from: held.index, to: held.origin });
    this.held.set(null);
    this.say('exercises.order.cancelled', held.itemId, held.origin, this.tokens(held.itemId).length, word);
    this.focusTile(held.itemId, held.origin);
  }

  /** The words are tracked by place, so the element at a place stays and shows whichever word is there. */
  private focusTile(itemId: string, index: number): void {
    this.active.update((active) => ({ ...active, [itemId]: index }));
    this.host.nativeElement.querySelector<HTMLElement>(`[data-item-id="${itemId}"] [data-testid="order-token"][data-position="${index + 1}"]`)?.focus();
  }

  private say(key: string, itemId: string, index: number, count: number, word = this.tokens(itemId)[index]): void {
    void this.announcer.announce(this.transloco.translate(key, { word, position: index + 1, count }), 'assertive');
  }
}
