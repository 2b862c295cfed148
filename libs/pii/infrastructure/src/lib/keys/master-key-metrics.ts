import { Gauge } from 'prom-client';
import { metric } from '@tall/platform/observability';
import type { MasterKeyVersionInfo } from '@tall/pii/application';

/** The master key versions every instance shares (the pii.master_key_versions table). */
export interface MasterKeyVersionSource {
  versions(): Promise<MasterKeyVersionInfo[]>;
}

/** At scrape time, numbers older than this are read again, in the background. */
const REFRESH_AFTER_MS = 60_000;

/** The metrics instance the gauges report: the latest key ring's (one per process outside tests). */
const reporting: { metrics?: MasterKeyMetrics } = {};

// Created once per process and looked up afterwards: prom-client throws on a second registration.
const ageGauge = (): Gauge =>
  metric(
    'tall_pii_master_key_age_seconds',
    () =>
      new Gauge({
        name: 'tall_pii_master_key_age_seconds',
        help: 'Age of the current (newest) master key version of personal data; rotated at 90 days. 0 until known',
        collect() {
          reporting.metrics?.collectAge(this);
        },
      }),
  );

const versionsGauge = (): Gauge =>
  metric(
    'tall_pii_master_key_versions',
    () =>
      new Gauge({
        name: 'tall_pii_master_key_versions',
        help: 'Master key versions not retired yet (data keys still refer to them); 1 once re-wrapping after a rotation is done. 0 until known',
        collect() {
          reporting.metrics?.collectVersions(this);
        },
      }),
  );

/**
 * The key ring's health for alerting. Read from the shared versions table rather than from this
 * instance's memory: an instance that did not run a rotation still reports it, so every instance
 * tells the same story whichever one rotated.
 */
export class MasterKeyMetrics {
  private newestCreatedAtMs: number | undefined;
  private liveVersions: number | undefined;
  private attemptedAt = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly source: MasterKeyVersionSource,
    private readonly now: () => number = Date.now,
  ) {}

  /** Makes this instance the one the gauges report. */
  publish(): this {
    reporting.metrics = this;
    ageGauge();
    versionsGauge();
    return this;
  }

  /** Reads the versions now. Never rejects: a stale number is better than a failed start or scrape. */
  refresh(): Promise<void> {
    this.attemptedAt = this.now();
    this.refreshing ??= this.source
      .versions()
      .then(
        (versions) => {
          this.liveVersions = versions.filter((version) => version.retiredAt === null).length;
          this.newestCreatedAtMs = versions.length > 0 ? Math.max(...versions.map((version) => version.createdAt.getTime())) : undefined;
        },
        () => undefined,
      )
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }

  collectAge(gauge: Gauge): void {
    this.refreshIfStale();
    if (this.newestCreatedAtMs === undefined) gauge.reset();
    else gauge.set(Math.max(0, (this.now() - this.newestCreatedAtMs) / 1000));
  }

  collectVersions(gauge: Gauge): void {
    this.refreshIfStale();
    if (this.liveVersions === undefined) gauge.reset();
    else gauge.set(this.liveVersions);
  }

  /** The scrape answers with what is known and never waits for the database. */
  private refreshIfStale(): void {
    if (!this.refreshing && this.now() - this.attemptedAt >= REFRESH_AFTER_MS) void this.refresh();
  }
}
