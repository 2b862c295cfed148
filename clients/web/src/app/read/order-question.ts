import { LiveAnnouncer } from '@angular/cdk/a11y';
import { CdkDrag, CdkDragHandle, CdkDropList, moveItemInArray, type CdkDragDrop } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, ElementRef, inject, input, output } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

/**
 * Puts items in order: drag them (mouse or touch), or move each one up or down with its buttons
 * (keyboard, screen readers). Every move is announced with the item's new place.
 */
@Component({
  selector: 'tall-order-question',
  imports: [CdkDropList, CdkDrag, CdkDragHandle, MatIconButton, MatIcon, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol cdkDropList class="order" [cdkDropListDisabled]="disabled()" (cdkDropListDropped)="drop($event)" [attr.aria-labelledby]="labelledBy()">
      @for (item of items(); track item + $index; let index = $index, first = $first, last = $last) {
        <li cdkDrag class="item" data-testid="test-order-item" [attr.data-position]="index + 1" [cdkDragDisabled]="disabled()">
          <mat-icon cdkDragHandle class="handle" aria-hidden="true">drag_indicator</mat-icon>
          <span class="place" aria-hidden="true">{{ index + 1 }}</span>
          <span class="label" lang="nl">{{ item }}</span>
          <button
            mat-icon-button
            type="button"
            data-testid="test-move-up"
            [disabled]="first || disabled()"
            (click)="move(index, -1)"
            [attr.aria-label]="'reader.test.moveUp' | transloco: { item, position: index + 1, count: items().length }"
          >
            <mat-icon>arrow_upward</mat-icon>
          </button>
          <button
            mat-icon-button
            type="button"
            data-testid="test-move-down"
            [disabled]="last || disabled()"
            (click)="move(index, 1)"
            [attr.aria-label]="'reader.test.moveDown' | transloco: { item, position: index + 1, count: items().length }"
          >
            <mat-icon>arrow_downward</mat-icon>
          </button>
        </li>
      }
    </ol>
  `,
  styles: `
    .order {
      display: flex;
      flex-direction: column;
      gap: 6px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .item {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 2px 4px 2px 8px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-lowest);
    }
    .handle {
      cursor: grab;
      color: var(--mat-sys-on-surface-variant);
      touch-action: none;
    }
    .place {
      display: inline-grid;
      place-items: center;
      width: 24px;
      height: 24px;
      border-radius: 50%;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-medium);
    }
    .label {
      flex: 1;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .cdk-drag-preview {
      box-shadow: var(--mat-sys-level3);
    }
    .cdk-drag-placeholder {
      opacity: 0.4;
    }
    .cdk-drop-list-dragging .item:not(.cdk-drag-placeholder) {
      transition: transform 200ms cubic-bezier(0, 0, 0.2, 1);
    }
  `,
})
export class OrderQuestion {
  readonly items = input.required<string[]>();
  /** The id of the element holding the question's prompt. */
  readonly labelledBy = input<string | null>(null);
  readonly disabled = input(false);
  readonly changed = output<string[]>();
  private readonly announcer = inject(LiveAnnouncer);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected drop(event: CdkDragDrop<unknown>): void {
    if (event.previousIndex === event.currentIndex) return;
    this.reorder(event.previousIndex, event.currentIndex);
  }

  /** Moves an item one place up (-1) or down (+1); the focus stays with the item. */
  protected move(index: number, direction: -1 | 1): void {
    const target = index + direction;
    if (target < 0 || target >= this.items().length) return;
    this.reorder(index, target);
    setTimeout(() => {
      const row = this.host.nativeElement.querySelector(`[data-position="${target + 1}"]`);
      const buttons = [...(row?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
      const same = direction === -1 ? buttons[0] : buttons[1];
      (same && !same.disabled ? same : buttons.find((button) => !button.disabled))?.focus();
    }, 0);
  }

  private reorder(from: number, to: number): void {
    const next = [...this.items()];
    moveItemInArray(next, from, to);
    this.changed.emit(next);
    void this.announcer.announce(this.transloco.translate('reader.test.moved', { item: next[to], position: to + 1, count: next.length }), 'assertive');
  }
}
