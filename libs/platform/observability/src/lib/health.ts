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

type CheckResult = ReadinessReport['checks'][string];

export interface HealthRegistryOptions {
  /** A check that has not answered by then counts as down. Default 2 s. */
  timeoutMs?: number;
  /** How long one check's result is reused. Default 5 s. */
  cacheMs?: number;
  /** Milliseconds on a monotonic clock; tests pass a fake one. */
  now?: () => number;
}

/**
 * Collects the checks every infrastructure piece registers; readiness runs them all in parallel.
 * Each check runs at most once per `cacheMs`: its result, up or down, is reused until then, and
 * callers arriving while it runs share that run. Probes, load balancers and anyone reaching
 * `/health/ready` therefore cannot turn into a stream of calls to the databases, the broker and AWS.
 */
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();
  private readonly results = new Map<string, { startedAt: number; result: Promise<CheckResult> }>();
  private readonly timeoutMs: number;
  private readonly cacheMs: number;
  private readonly now: () => number;

  constructor(options: HealthRegistryOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 2_000;
    this.cacheMs = options.cacheMs ?? 5_000;
    this.now = options.now ?? (() => performance.now());
  }

  register(check: HealthCheck): void {
    this.checks.set(check.name, check);
    this.results.delete(check.name);
  }

  names(): string[] {
    return [...this.checks.keys()];
  }

  async readiness(): Promise<ReadinessReport> {
    const entries = await Promise.all([...this.checks.values()].map(async (check) => [check.name, await this.resultOf(check)] as const));
    const checks = Object.fromEntries(entries);
    const down = entries.filter(([, result]) => result.status === 'down').map(([name]) => name);
    return { status: down.length === 0 ? 'ok' : 'unavailable', checks, down };
  }

  /** The check's result from the last `cacheMs` (or its run in progress), else a new run. */
  private resultOf(check: HealthCheck): Promise<CheckResult> {
    const now = this.now();
    const cached = this.results.get(check.name);
    if (cached && now - cached.startedAt < this.cacheMs) return cached.result;
    const result = this.run(check);
    this.results.set(check.name, { startedAt: now, result });
    return result;
  }

  /** Never rejects: a failure or a timeout is a 'down' result. */
  private async run(check: HealthCheck): Promise<CheckResult> {
    const started = performance.now();
    try {
      await withTimeout(check.check(), this.timeoutMs);
      return { status: 'up', latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      return { status: 'down', error: describe(error), latencyMs: Math.round(performance.now() - started) };
    }
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
