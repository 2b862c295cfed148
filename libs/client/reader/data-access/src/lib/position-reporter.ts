import type { ReadingClock } from './reading-clock';
import type { ReadingPlace } from './reader.store';

/** How often the reader tells the API where the student is, while they read. */
export const REPORT_EVERY_MS = 30_000;

export interface PositionReporterOptions<P extends ReadingPlace> {
  clock: ReadingClock;
  /** Where the student is now; null before the text is shown. */
  place: () => P | null;
  send: (place: P, readingSeconds: number, options: { keepalive: boolean }) => Promise<boolean>;
  everyMs?: number;
  setInterval?: (callback: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/**
 * Reports the reading position with the seconds read: every 30 s while the page is open, on demand
 * (the end reached, the page hidden) and once more on leaving. Seconds of a report that failed go
 * into the next one.
 */
export class PositionReporter<P extends ReadingPlace = ReadingPlace> {
  private handle: unknown = null;
  private sending: Promise<void> = Promise.resolve();

  constructor(private readonly options: PositionReporterOptions<P>) {}

  start(): void {
    if (this.handle !== null) return;
    const every = this.options.setInterval ?? ((callback, ms) => setInterval(callback, ms));
    this.handle = every(() => void this.report(), this.options.everyMs ?? REPORT_EVERY_MS);
  }

  /** Reports the place and seconds of now, after any report still on its way (so they arrive in order). */
  report(keepalive = false): Promise<void> {
    const place = this.options.place();
    if (!place) return this.sending;
    const seconds = this.options.clock.take();
    this.sending = this.sending.then(async () => {
      const delivered = await this.options.send(place, seconds, { keepalive }).catch(() => false);
      if (!delivered) this.options.clock.giveBack(seconds);
    });
    return this.sending;
  }

  /** The last report, on leaving the page: sent with keepalive so it outlives the page. */
  stop(): Promise<void> {
    if (this.handle !== null) (this.options.clearInterval ?? ((handle) => clearInterval(handle as ReturnType<typeof setInterval>)))(this.handle);
    this.handle = null;
    return this.report(true);
  }
}
