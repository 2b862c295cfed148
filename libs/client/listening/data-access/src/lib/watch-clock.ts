/** The API takes at most an hour of watching per report. */
export const MAX_REPORT_SECONDS = 3_600;

/**
 * Counts the time a video is actually playing (not paused, buffering or waiting on a question).
 * What is left over after whole seconds stays for the next report.
 */
export class WatchClock {
  private countedMs = 0;
  private since: number | null = null;

  constructor(private readonly now: () => number = () => Date.now()) {}

  get running(): boolean {
    return this.since !== null;
  }

  /** The video started or resumed playing. */
  start(): void {
    if (this.since === null) this.since = this.now();
  }

  /** The video paused, stalled, ended or failed. */
  stop(): void {
    this.advance();
    this.since = null;
  }

  /** Whole seconds played since the last take (at most an hour); the rest stays counted. */
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
    if (this.since === null) return;
    const now = this.now();
    this.countedMs += Math.max(0, now - this.since);
    this.since = Math.max(this.since, now);
  }
}
