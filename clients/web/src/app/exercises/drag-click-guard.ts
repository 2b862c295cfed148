/**
 * Tells a real click from the one a browser may fire when a drag ends over the element it began on.
 * Keyboard activation (Enter, Space) clicks with `detail` 0 and is never taken for a drag.
 */
export class DragClickGuard {
  private endedAt = -Infinity;

  dragEnded(): void {
    this.endedAt = performance.now();
  }

  isDragEcho(event: MouseEvent): boolean {
    return event.detail > 0 && performance.now() - this.endedAt < 400;
  }
}
