import type { Logger } from 'pino';
import type { HealthRegistry } from './health';

export interface BackgroundPreparationOptions {
  /** The readiness check's name, e.g. 'reader-library'. */
  name: string;
  /** What is being prepared, for readiness and logs, e.g. "the reader's library". */
  subject: string;
  /** Indexes, seeds, caches: whatever must be done before the module serves. Retried until it succeeds. */
  prepare: () => Promise<void>;
  health: HealthRegistry;
  logger: Logger;
  /** How long start-up waits for the first try before going on in the background. Default 5 s. */
  waitAtStartMs?: number;
  /** The pause before try `attempt + 1`. Default: doubling from 1 s, at most 30 s. */
  retryDelayMs?: (attempt: number) => number;
}

const defaultRetryDelay = (attempt: number): number => Math.min(30_000, 500 * 2 ** Math.min(attempt, 6));

/**
 * A module's start-up work that must not hold the whole app hostage: when a database does not
 * answer at boot, the app starts anyway, the work is retried in the background, and readiness
 * reports the module as down (with the last error) until it is done.
 */
export class BackgroundPreparation {
  private prepared = false;
  private stopped = false;
  private lastError: string | null = null;
  private wake: (() => void) | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly options: BackgroundPreparationOptions) {}

  get done(): boolean {
    return this.prepared;
  }

  /** Registers the readiness check and starts; resolves when prepared or after `waitAtStartMs`. */
  async start(): Promise<void> {
    const { subject } = this.options;
    this.options.health.register({
      name: this.options.name,
      check: async () => {
        if (!this.prepared) throw new Error(`${subject} is not ready yet${this.lastError ? `: ${this.lastError}` : ''}`);
      },
    });
    this.running = this.run();
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.options.waitAtStartMs ?? 5_000).unref()));
    await Promise.race([this.running, waited]);
    clearTimeout(timer);
  }

  /** Stops retrying (the app is shutting down); resolves when the try in progress has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
  }

  private async run(): Promise<void> {
    const retryDelay = this.options.retryDelayMs ?? defaultRetryDelay;
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        await this.options.prepare();
        this.prepared = true;
        this.lastError = null;
        return;
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.options.logger.warn({ attempt, err: this.lastError }, `${this.options.subject} is not ready yet; retrying`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, retryDelay(attempt)).unref();
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }
}
