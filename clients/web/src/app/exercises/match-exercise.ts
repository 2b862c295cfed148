import { LiveAnnouncer } from '@angular/cdk/a11y';
import { CdkDrag, CdkDropList, CdkDropListGroup, type CdkDragDrop } from '@angular/cdk/drag-drop';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, input, output, signal } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { freeOptions, withMatch, type Answers, type ItemResult, type MatchExercise } from '@tall/client/exercises/data-access';
import { DragClickGuard } from './drag-click-guard';
import { ItemMark } from './item-mark';

/** An option given to an item, or taken from it (null). */
export interface OptionMatch {
  itemId: string;
  option: string | null;
}

/** What a dragged option carries: itself, and the item it was on (null from the answers still free). */
interface DraggedOption {
  option: string;
  from: string | null;
}

/**
 * Pairs to match: drag each answer onto its item (and back, or onto another item). With the
 * keyboard (or a tap): Enter on an item, then Enter on its answer, in either order; Enter on a
 * placed answer takes it back; Escape forgets the choice. Every step is announced.
 */
@Component({
  selector: 'tall-match-exercise',
  imports: [CdkDropListGroup, CdkDropList, CdkDrag, MatIcon, TranslocoPipe, ItemMark],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './match-exercise.html',
  styleUrls: ['./exercise-tiles.scss', './match-exercise.scss'],
  host: { '(keydown.escape)': 'forgetChoice()' },
})
export class MatchExerciseView {
  readonly exercise = input.required<MatchExercise>();
  readonly answers = input.required<Answers>();
  readonly marks = input<ReadonlyMap<string, ItemResult>>(new Map());
  readonly locked = input(false);
  readonly matched = output<OptionMatch>();
  private readonly announcer = inject(LiveAnnouncer);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly guard = new DragClickGuard();
  protected readonly chosenItem = signal<string | null>(null);
  protected readonly chosenOption = signal<string | null>(null);
  protected readonly free = computed(() => freeOptions(this.exercise().options, this.answers()));

  protected optionOf(itemId: string): string | null {
    const answer = this.answers()[itemId];
    return typeof answer === 'string' ? answer : null;
  }

  protected textOf(itemId: string): string {
    return this.exercise().items.find((item) => item.id === itemId)?.text ?? '';
  }

  protected chooseItem(itemId: string, event: MouseEvent): void {
    if (this.locked() || this.guard.isDragEcho(event)) return;
    const option = this.chosenOption();
    if (option !== null) {
      this.match(itemId, option, { moveFocus: true });
      return;
    }
    if (this.chosenItem() === itemId) {
      this.forgetChoice();
      return;
    }
    this.chosenItem.set(itemId);
    this.say('exercises.match.chosenItem', { item: this.textOf(itemId) });
  }

  protected chooseOption(option: string, event: MouseEvent): void {
    if (this.locked() || this.guard.isDragEcho(event)) return;
    const itemId = this.chosenItem();
    if (itemId !== null) {
      this.match(itemId, option, { moveFocus: true });
      return;
    }
    if (this.chosenOption() === option) {
      this.forgetChoice();
      return;
    }
    this.chosenOption.set(option);
    this.say('exercises.match.chosenOption', { option });
  }

  /** A placed answer, activated: back among the free ones; the focus goes to its item. */
  protected takeBack(itemId: string, event: MouseEvent): void {
    if (this.locked() || this.guard.isDragEcho(event)) return;
    const option = this.optionOf(itemId);
    if (option === null) return;
    this.matched.emit({ itemId, option: null });
    this.say('exercises.match.takenBack', { item: this.textOf(itemId), option });
    this.focusLater(`[data-item-id="${itemId}"] [data-testid="match-item"]`);
  }

  protected forgetChoice(): void {
    if (this.chosenItem() === null && this.chosenOption() === null) return;
    this.chosenItem.set(null);
    this.chosenOption.set(null);
    this.say('exercises.match.choiceCancelled', {});
  }

  protected droppedOnItem(itemId: string, event: CdkDragDrop<unknown, unknown, DraggedOption>): void {
    if (event.previousContainer === event.container) return;
    this.match(itemId, event.item.data.option, { moveFocus: false });
  }

  protected droppedInPool(event: CdkDragDrop<unknown, unknown, DraggedOption>): void {
    const { option, from } = event.item.data;
    if (event.previousContainer === event.container || from === null) return;
    this.matched.emit({ itemId: from, option: null });
    this.say('exercises.match.takenBack', { item: this.textOf(from), option });
  }

  private match(itemId: string, option: string, { moveFocus }: { moveFocus: boolean }): void {
    const after = withMatch(this.answers(), itemId, option);
    this.matched.emit({ itemId, option });
    this.chosenItem.set(null);
    this.chosenOption.set(null);
    this.say('exercises.match.matched', { item: this.textOf(itemId), option });
    if (!moveFocus) return;
    // On to the next item without an answer; the chosen answer's button is gone.
    const items = this.exercise().items.map((item) => item.id);
    const start = items.indexOf(itemId);
    const next = items.map((_, step) => items[(start + 1 + step) % items.length]).find((id) => after[id] === undefined) ?? itemId;
    this.focusLater(`[data-item-id="${next}"] [data-testid="match-item"]`);
  }

  private focusLater(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }

  private say(key: string, params: Record<string, string>): void {
    void this.announcer.announce(this.transloco.translate(key, params), 'assertive');
  }
}
