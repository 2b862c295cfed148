import { CronJob } from 'cron';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { cronLastSuccess, cronRunsTotal } from './cron-metrics';
import { cronProblem, nextOccurrence, previousOccurrence } from './cron-schedule';
import type { JobRun, JobRunStore } from './job-runs/job-run-store';
import type { LeaseStore } from './leases/lease-store';
import { InvalidJobDefinitionError, JobConflictError, UnknownJobError } from './scheduling-errors';

export type JobTrigger = 'schedule' | 'startup' | 'manual';

export interface JobContext {
  job: string;
  periodKey: string;
  trigger: JobTrigger;
  /** A manual re-run of a period that had already succeeded. */
  force: boolean;
  /** Aborted when this instance loses the lease or shuts down: stop at the next safe point. */
  signal: AbortSignal;
  holder: string;
}

export interface ScheduledJob {
  /** Unique; letters, digits, '.', '-', '_'. */
  name: string;
  /** Five fields, or six with seconds first, e.g. '0 3 * * 1' for Mondays 03:00. */
  cron: string;
  /** IANA zone the cron expression is read in, e.g. 'Europe/Amsterdam'. */
  timeZone: string;
  /** The period a run at `date` belongs to, e.g. `isoWeekOf` of `@tall/platform/calendar`. One successful run per period. */
  period: (date: Date) => string;
  run: (context: JobContext) => Promise<void>;
  /** At start, run the period of the last scheduled time if it has no successful run. Default true. */
  catchUpAtStart?: boolean;
}

/** Where the timers are registered, e.g. @nestjs/schedule's SchedulerRegistry. */
export interface CronRegistry {
  add(name: string, job: CronJob): void;
  remove(name: string): void;
}

export interface SchedulerLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface ScheduledJobsOptions {
  leases: LeaseStore;
  runs: JobRunStore;
  /** Identifies this instance in leases and run records; unique per process. */
  holderId?: string;
  /** Lease time; renewed every third of it while a job runs. Default 60 s. */
  leaseTtlMs?: number;
  now?: () => Date;
  cronRegistry?: CronRegistry;
  logger?: SchedulerLogger;
}

export interface JobStatus {
  name: string;
  cron: string;
  timeZone: string;
  nextRunAt: Date;
  runningHere: boolean;
}

const JOB_NAME = /^[A-Za-z0-9._-]{1,100}$/;
const MAX_ERROR_LENGTH = 2_000;

const consoleLogger: SchedulerLogger = {
  info: () => undefined,
  warn: (message, fields) => console.warn(message, fields ?? ''),
  error: (message, fields) => console.error(message, fields ?? ''),
};

/**
 * Runs each registered job once per period across all app instances. Every instance keeps a
 * timer; on a tick (and once at start, to catch up a missed run) an instance runs the job only
 * if it can take the job's lease and the period has no successful run yet. The lease keeps two
 * instances from running at once; the run record keeps a period from running twice.
 */
export class ScheduledJobs {
  readonly holderId: string;
  private readonly leases: LeaseStore;
  private readonly runs: JobRunStore;
  private readonly leaseTtlMs: number;
  private readonly now: () => Date;
  private readonly cronRegistry?: CronRegistry;
  private readonly logger: SchedulerLogger;
  private readonly jobs = new Map<string, ScheduledJob>();
  private readonly timers = new Map<string, CronJob>();
  private readonly runningHere = new Map<string, AbortController | null>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private started = false;

  constructor(options: ScheduledJobsOptions) {
    this.leases = options.leases;
    this.runs = options.runs;
    this.holderId = options.holderId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.leaseTtlMs = options.leaseTtlMs ?? 60_000;
    this.now = options.now ?? (() => new Date());
    this.cronRegistry = options.cronRegistry;
    this.logger = options.logger ?? consoleLogger;
  }

  register(job: ScheduledJob): void {
    if (!JOB_NAME.test(job.name)) throw new InvalidJobDefinitionError(`Invalid job name ${JSON.stringify(job.name)}`);
    if (this.jobs.has(job.name)) throw new InvalidJobDefinitionError(`Job ${job.name} is registered twice`);
    const problem = cronProblem(job.cron);
    if (problem) throw new InvalidJobDefinitionError(`Job ${job.name}: ${problem}`);
    try {
      new Intl.DateTimeFormat('en', { timeZone: job.timeZone });
    } catch {
      throw new InvalidJobDefinitionError(`Job ${job.name}: unknown time zone ${job.timeZone}`);
    }
    this.jobs.set(job.name, job);
    if (this.started) this.schedule(job);
  }

  /** Starts the timers and, in the background, the catch-up of missed periods (see `idle()`). */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    for (const job of this.jobs.values()) this.schedule(job);
  }

  /** Stops the timers, signals running jobs to stop, and waits for them. */
  async stop(): Promise<void> {
    this.started = false;
    for (const [name, timer] of this.timers) {
      timer.stop();
      this.cronRegistry?.remove(name);
    }
    this.timers.clear();
    for (const controller of this.runningHere.values()) controller?.abort(new Error('The scheduler is stopping'));
    await this.idle();
  }

  /** Resolves when no check or run started by this instance is in progress. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Runs the job for the current period now (admin). Without `force` a period that already
   * succeeded is not run again and its record is returned.
   * @throws JobConflictError when the job is running here or on another instance
   */
  /** The newest runs of a registered job, newest period first. */
  async history(name: string, limit = 20): Promise<JobRun[]> {
    if (!this.jobs.has(name)) throw new UnknownJobError(name);
    return this.runs.recent(name, limit);
  }

  async runNow(name: string, options: { force?: boolean } = {}): Promise<JobRun> {
    const job = this.jobs.get(name);
    if (!job) throw new UnknownJobError(name);
    const run = await this.track(
      this.attempt(job, 'manual', job.period(this.now()), { force: options.force ?? false, conflict: 'throw' }),
    );
    return run as JobRun;
  }

  list(): JobStatus[] {
    const now = this.now();
    return [...this.jobs.values()].map((job) => ({
      name: job.name,
      cron: job.cron,
      timeZone: job.timeZone,
      nextRunAt: nextOccurrence(job.cron, job.timeZone, now),
      runningHere: this.runningHere.has(job.name),
    }));
  }

  private schedule(job: ScheduledJob): void {
    const timer = CronJob.from({
      cronTime: job.cron,
      timeZone: job.timeZone,
      start: false,
      onTick: () => {
        this.background(job, 'schedule', () => this.attemptQuietly(job, 'schedule', job.period(this.now())));
      },
    });
    this.timers.set(job.name, timer);
    this.cronRegistry?.add(job.name, timer);
    timer.start();
    this.background(job, 'startup', async () => {
      await this.publishLastSuccess(job);
      if (job.catchUpAtStart === false) return;
      // The period of the last scheduled time, not of now: starting on Monday at 01:00 must not
      // run the 03:00 job of that week early, but must run last week's if it was missed.
      const due = previousOccurrence(job.cron, job.timeZone, this.now());
      if (due) await this.attemptQuietly(job, 'startup', job.period(due));
    });
  }

  private async attemptQuietly(job: ScheduledJob, trigger: JobTrigger, periodKey: string): Promise<void> {
    await this.attempt(job, trigger, periodKey, { force: false, conflict: 'skip' });
  }

  private background(job: ScheduledJob, trigger: JobTrigger, work: () => Promise<void>): void {
    // Deferred, so that even a synchronous throw (say, in a period function) is caught and logged.
    void this.track(Promise.resolve().then(work)).catch((error) =>
      this.logger.error('Scheduled job check failed', { job: job.name, trigger, error: describe(error) }),
    );
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise)).catch(() => undefined);
    return promise;
  }

  private async attempt(
    job: ScheduledJob,
    trigger: JobTrigger,
    periodKey: string,
    options: { force: boolean; conflict: 'throw' | 'skip' },
  ): Promise<JobRun | undefined> {
    // Claimed synchronously, before any await, so two triggers in this process cannot both pass.
    if (this.runningHere.has(job.name)) {
      if (options.conflict === 'throw') throw new JobConflictError(job.name, 'here');
      return undefined;
    }
    this.runningHere.set(job.name, null);
    const leaseName = `cron:${job.name}`;
    try {
      const lease = await this.leases.acquire(leaseName, this.holderId, this.leaseTtlMs);
      if (!lease) {
        if (options.conflict === 'throw') throw new JobConflictError(job.name, 'elsewhere');
        return undefined;
      }
      try {
        const claim = await this.runs.claim(job.name, periodKey, this.holderId, { force: options.force });
        if (!claim.claimed) return claim.run;
        if (claim.run.attempts > 1) {
          this.logger.warn('Re-running a period', { job: job.name, periodKey, attempt: claim.run.attempts, trigger });
        }
        return await this.execute(job, claim.run, trigger, options.force, leaseName);
      } finally {
        // Released at once so the next tick or admin call need not wait for the expiry.
        await this.leases.release(leaseName, this.holderId).catch((error) =>
          this.logger.warn('Could not release a job lease', { job: job.name, error: describe(error) }),
        );
      }
    } finally {
      this.runningHere.delete(job.name);
    }
  }

  private async execute(job: ScheduledJob, run: JobRun, trigger: JobTrigger, force: boolean, leaseName: string): Promise<JobRun> {
    const controller = new AbortController();
    this.runningHere.set(job.name, controller);
    let leaseValidUntil = Date.now() + this.leaseTtlMs;
    const heartbeat = setInterval(() => {
      this.leases.renew(leaseName, this.holderId, this.leaseTtlMs).then(
        (lease) => {
          if (lease) leaseValidUntil = Date.now() + this.leaseTtlMs;
          else controller.abort(new Error(`Lost the lease of job ${job.name}`));
        },
        // A failed renewal is not a lost lease yet: only once the lease must have run out.
        () => {
          if (Date.now() > leaseValidUntil) controller.abort(new Error(`Could not renew the lease of job ${job.name}`));
        },
      );
    }, Math.max(1, Math.floor(this.leaseTtlMs / 3)));
    this.logger.info('Scheduled job started', { job: job.name, periodKey: run.periodKey, trigger });
    let error: string | undefined;
    try {
      await job.run({ job: job.name, periodKey: run.periodKey, trigger, force, signal: controller.signal, holder: this.holderId });
    } catch (failure) {
      error = describe(failure).slice(0, MAX_ERROR_LENGTH);
    } finally {
      clearInterval(heartbeat);
    }
    const status = error === undefined ? 'succeeded' : 'failed';
    cronRunsTotal().inc({ job: job.name, status });
    const finished = await this.runs.finish(
      job.name,
      run.periodKey,
      this.holderId,
      error === undefined ? { status: 'succeeded' } : { status: 'failed', error },
    );
    if (status === 'succeeded') cronLastSuccess().set({ job: job.name }, (finished?.finishedAt ?? new Date()).getTime() / 1000);
    if (error === undefined) this.logger.info('Scheduled job succeeded', { job: job.name, periodKey: run.periodKey });
    else this.logger.error('Scheduled job failed', { job: job.name, periodKey: run.periodKey, error });
    if (!finished) {
      this.logger.warn('Run record was taken over by another instance', { job: job.name, periodKey: run.periodKey });
      return { ...run, status, finishedAt: new Date(), error: error ?? null };
    }
    return finished;
  }

  private async publishLastSuccess(job: ScheduledJob): Promise<void> {
    try {
      const last = await this.runs.lastSuccessAt(job.name);
      if (last) cronLastSuccess().set({ job: job.name }, last.getTime() / 1000);
    } catch (error) {
      this.logger.warn('Could not read the last successful run', { job: job.name, error: describe(error) });
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
