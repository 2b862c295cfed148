import type { WatchClock } from './watch-clock';

/** How often the player tells the API where the student is, while the video plays. */
export const REPORT_EVERY_MS = 10_000;

export interface ViewingPlace {
  videoId: string;
  positionSeconds: number;
}

export interface ViewingReporterOptions {
  clock: WatchClock;
  /** Where the player is now; null before a video is loaded. */
  place: () => ViewingPlace | null;
  send: (place: ViewingPlace, watchedSeconds: number, options: { keepalive: boolean }) => Promise<boolean>;
  everyMs?: number;
  setInterval?: (callback: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/**
 * Reports the position with the seconds watched: every 10 s while the video plays, on demand (a
 * pause, a question, the end, the page hidden) and once more on leaving, with keepalive. Seconds
 * of a report that failed go into the next one; reports leave in order.
 */
export class ViewingReporter {
  private handle: unknown = null;
  private sending: Promise<void> = Promise.resolve();

  constructor(private readonly options: ViewingReporterOptions) {}

  start(): void {
    if (this.handle !== null) return;
    const every = this.options.setInterval ?? ((callback, ms) => setInterval(callback, ms));
    this.handle = every(() => {
      if (this.options.clock.running) void this.report();
    }, this.options.everyMs ?? REPORT_EVERY_MS);
  }

  /** Reports the place and seconds of now, after any report still on its way. */
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
    this.options.clock.stop();
    return this.report(true);
  }
}
