import { collectDefaultMetrics, Counter, Gauge, Histogram, register, type Metric } from 'prom-client';

/** Returns the metric already registered under that name, so tests and re-created modules share it. */
export function metric<T extends Metric>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

export const httpRequestDuration = (): Histogram<'method' | 'route' | 'status'> =>
  metric(
    'tall_http_request_duration_seconds',
    () =>
      new Histogram({
        name: 'tall_http_request_duration_seconds',
        help: 'HTTP request latency by route pattern and status',
        labelNames: ['method', 'route', 'status'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      }),
  );

export const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> =>
  metric(name, () => new Counter({ name, help, labelNames: [...labelNames] }));

export const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[]): Gauge<L> =>
  metric(name, () => new Gauge({ name, help, labelNames: [...labelNames] }));

let defaultsCollected = false;
export function collectProcessMetrics(): void {
  if (defaultsCollected || register.getSingleMetric('process_cpu_user_seconds_total')) return;
  defaultsCollected = true;
  collectDefaultMetrics({ prefix: '' });
}

export { register as metricsRegistry };
