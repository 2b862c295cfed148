export interface HealthCheck {
  /** Shown in the readiness answer, e.g. 'postgres', 'kafka'. */
  name: string;
  check(): Promise<void>;
}

export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  checks: Record<string, { status: 'up' | 'down'; error?: string; latencyMs: number }>;
  down: string[];
}

/** Collects the checks every infrastructure piece registers; readiness runs them all in parallel. */
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();

  constructor(private readonly timeoutMs = 2_000) {}

  register(check: HealthCheck): void {
    this.checks.set(check.name, check);
  }

  names(): string[] {
    return [...this.checks.keys()];
  }

  async readiness(): Promise<ReadinessReport> {
    const entries = await Promise.all(
      [...this.checks.values()].map(async (check) => {
        const started = performance.now();
        try {
          await withTimeout(check.check(), this.timeoutMs);
          return [check.name, { status: 'up' as const, latencyMs: Math.round(performance.now() - started) }] as const;
        } catch (error) {
          return [
            check.name,
            { status: 'down' as const, error: describe(error), latencyMs: Math.round(performance.now() - started) },
          ] as const;
        }
      }),
    );
    const checks = Object.fromEntries(entries);
    const down = entries.filter(([, result]) => result.status === 'down').map(([name]) => name);
    return { status: down.length === 0 ? 'ok' : 'unavailable', checks, down };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Connection strings can carry credentials; keep only the first line, without URLs.
  return message.split('\n')[0].replace(/\w+:\/\/\S+/g, '<url>').slice(0, 200);
}
