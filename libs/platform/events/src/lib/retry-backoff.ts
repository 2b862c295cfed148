export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 100, maxMs: 10_000 };

/**
 * Exponential backoff with ±20 % jitter, capped: attempt 1 waits about `initialMs`.
 * The jitter keeps several instances from retrying against a recovering broker in lockstep.
 */
export function backoffDelay(attempt: number, { initialMs, maxMs }: BackoffOptions = DEFAULT_BACKOFF): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const base = Math.min(initialMs * 2 ** exponent, maxMs);
  const jittered = base * (0.8 + Math.random() * 0.4);
  return Math.round(Math.min(jittered, maxMs));
}

/** Sleeps that `wake()` cuts short, e.g. so `stop()` does not wait out a backoff. */
export class Sleeper {
  private readonly pending = new Set<() => void>();

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.pending.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.pending.add(done);
    });
  }

  wake(): void {
    [...this.pending].forEach((done) => done());
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
