/** Without a scroll, key or touch for this long, the student is taken to have stopped reading. */
export const IDLE_AFTER_MS = 120_000;
/** The API takes at most an hour per report. */
export const MAX_REPORT_SECONDS = 3_600;

/**
 * Counts the time spent reading: only while the page is visible and the student did something
 * within the last two minutes. Time left over is kept for the next report, so short reports do not
 * lose the fractions of a second.
 */
export class ReadingClock {
  private countedMs = 0;
  private markedAt: number;
  private lastActivity: number;
  private visible: boolean;

  constructor(
    private readonly now: () => number = () => Date.now(),
    visible = true,
    private readonly idleAfterMs = IDLE_AFTER_MS,
  ) {
    this.markedAt = now();
    this.lastActivity = this.markedAt;
    this.visible = visible;
  }

  /** The student scrolled, typed, touched or clicked. */
  activity(): void {
    this.advance();
    this.lastActivity = this.markedAt;
  }

  /** The page was hidden or shown again (`document.visibilityState`). Coming back counts as activity. */
  setVisible(visible: boolean): void {
    this.advance();
    this.visible = visible;
    if (visible) this.lastActivity = this.markedAt;
  }

  /** Whole seconds read since the last take (at most an hour); the rest stays counted. */
  take(): number {
    this.advance();
    const seconds = Math.min(MAX_REPORT_SECONDS, Math.floor(this.countedMs / 1000));
    this.countedMs -= seconds * 1000;
    return seconds;
  }

  /** A report that did not reach the API: its seconds go into the next one. */
  giveBack(seconds: number): void {
    this.countedMs += Math.max(0, seconds) * 1000;
  }

  private advance(): void {
    const now = this.now();
    if (this.visible) {
      // Between two events visibility and the last activity are constant: the time read is from the
      // last mark until now or until the student went idle, whichever came first.
      const until = Math.min(now, this.lastActivity + this.idleAfterMs);
      this.countedMs += Math.max(0, until - this.markedAt);
    }
    this.markedAt = Math.max(this.markedAt, now);
  }
}
