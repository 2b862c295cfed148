import { register } from 'prom-client';
import { InMemoryJobRunStore } from './job-runs/in-memory-job-run-store';
import { InMemoryLeaseStore } from './leases/in-memory-lease-store';
import { isoWeekOf } from '@tall/platform/calendar';
import { ScheduledJobs, type CronRegistry, type JobContext, type ScheduledJob, type SchedulerLogger } from './scheduled-jobs';
import { InvalidJobDefinitionError, JobConflictError, UnknownJobError } from './scheduling-errors';

const silent: SchedulerLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
// Wednesday 25 Nov 2026; the weekly job last fell due on Monday 23 Nov 03:00 (2026-W48).
const WEDNESDAY = new Date('2026-11-25T10:00:00Z');

function weeklyJob(run: (context: JobContext) => Promise<void>, name = 'cohort-rotation'): ScheduledJob {
  return { name, cron: '0 3 * * 1', timeZone: 'Europe/Amsterdam', period: (date) => isoWeekOf(date), run };
}

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('ScheduledJobs (in-memory stores)', () => {
  let leases: InMemoryLeaseStore;
  let runs: InMemoryJobRunStore;
  const instances: ScheduledJobs[] = [];

  const instance = (holderId: string, extra: Partial<ConstructorParameters<typeof ScheduledJobs>[0]> = {}) => {
    const jobs = new ScheduledJobs({ leases, runs, holderId, now: () => WEDNESDAY, logger: silent, ...extra });
    instances.push(jobs);
    return jobs;
  };

  beforeEach(() => {
    leases = new InMemoryLeaseStore();
    runs = new InMemoryJobRunStore();
  });

  afterEach(async () => {
    await Promise.all(instances.splice(0).map((jobs) => jobs.stop()));
  });

  it('catches up the missed period at start, once, across instances', async () => {
    const run = jest.fn(async () => undefined);
    const a = instance('a');
    const b = instance('b');
    a.register(weeklyJob(run));
    b.register(weeklyJob(run));
    await Promise.all([a.start(), b.start()]);
    await Promise.all([a.idle(), b.idle()]);

    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledWith(expect.objectContaining({ periodKey: '2026-W48', trigger: 'startup', force: false }));
    expect(await runs.find('cohort-rotation', '2026-W48')).toMatchObject({ status: 'succeeded', attempts: 1 });

    // A restart in the same week finds the period done.
    const c = instance('c');
    c.register(weeklyJob(run));
    await c.start();
    await c.idle();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('does not catch up when disabled for the job', async () => {
    const run = jest.fn(async () => undefined);
    const jobs = instance('a');
    jobs.register({ ...weeklyJob(run), catchUpAtStart: false });
    await jobs.start();
    await jobs.idle();
    expect(run).not.toHaveBeenCalled();
  });

  it('runNow returns the record, skips a succeeded period unless forced', async () => {
    const run = jest.fn(async () => undefined);
    const jobs = instance('a');
    jobs.register(weeklyJob(run));

    const first = await jobs.runNow('cohort-rotation');
    expect(first).toMatchObject({ job: 'cohort-rotation', periodKey: '2026-W48', status: 'succeeded', holder: 'a' });
    const again = await jobs.runNow('cohort-rotation');
    expect(again).toMatchObject({ status: 'succeeded', attempts: 1 });
    expect(run).toHaveBeenCalledTimes(1);

    const forced = await jobs.runNow('cohort-rotation', { force: true });
    expect(forced).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(run).toHaveBeenLastCalledWith(expect.objectContaining({ force: true, trigger: 'manual' }));
    await expect(jobs.runNow('nope')).rejects.toBeInstanceOf(UnknownJobError);
  });

  it('runNow while the job runs here or elsewhere is a conflict', async () => {
    const gate = deferred();
    const a = instance('a');
    const b = instance('b');
    a.register(weeklyJob(() => gate.promise));
    b.register(weeklyJob(() => gate.promise));

    const running = a.runNow('cohort-rotation');
    await new Promise((resolve) => setImmediate(resolve));
    await expect(a.runNow('cohort-rotation')).rejects.toBeInstanceOf(JobConflictError);
    await expect(b.runNow('cohort-rotation', { force: true })).rejects.toThrow(/another instance/);
    expect(a.list()).toEqual([expect.objectContaining({ name: 'cohort-rotation', runningHere: true })]);

    gate.resolve();
    expect(await running).toMatchObject({ status: 'succeeded' });
  });

  it('records a failure and retries the period at the next start', async () => {
    const run = jest.fn<Promise<void>, [JobContext]>().mockRejectedValueOnce(new Error('broker down')).mockResolvedValue(undefined);
    const failures = jest.fn();
    const jobs = instance('a', { logger: { ...silent, error: failures } });
    jobs.register(weeklyJob(run));

    const failed = await jobs.runNow('cohort-rotation');
    expect(failed).toMatchObject({ status: 'failed', error: 'Error: broker down' });
    expect(failures).toHaveBeenCalledWith('Scheduled job failed', expect.objectContaining({ error: 'Error: broker down' }));

    await jobs.start();
    await jobs.idle();
    expect(await runs.find('cohort-rotation', '2026-W48')).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('takes over a run left "running" by an instance that died', async () => {
    await runs.claim('cohort-rotation', '2026-W48', 'dead-instance', { force: false });
    const run = jest.fn(async () => undefined);
    const jobs = instance('a');
    jobs.register(weeklyJob(run));
    await jobs.start();
    await jobs.idle();
    expect(run).toHaveBeenCalledTimes(1);
    expect(await runs.find('cohort-rotation', '2026-W48')).toMatchObject({ status: 'succeeded', holder: 'a', attempts: 2 });
  });

  it('counts runs and publishes the last success', async () => {
    const jobs = instance('a');
    jobs.register(weeklyJob(async () => undefined, 'metrics-job'));
    jobs.register(weeklyJob(async () => Promise.reject(new Error('x')), 'metrics-failing-job'));
    await jobs.runNow('metrics-job');
    await jobs.runNow('metrics-failing-job');
    // A second instance in the same process reuses the registered metrics.
    instance('b').register(weeklyJob(async () => undefined, 'metrics-job'));

    const text = await register.metrics();
    expect(text).toMatch(/tall_cron_runs_total\{job="metrics-job",status="succeeded"\} 1/);
    expect(text).toMatch(/tall_cron_runs_total\{job="metrics-failing-job",status="failed"\} 1/);
    expect(text).toMatch(/tall_cron_last_success_timestamp_seconds\{job="metrics-job"\} \d+/);
  });

  it('signals a running job to stop when the lease is lost', async () => {
    let signal: AbortSignal | undefined;
    const jobs = instance('a', { leaseTtlMs: 30 });
    jobs.register(
      weeklyJob(async (context) => {
        signal = context.signal;
        await leases.release('cron:cohort-rotation', 'a'); // e.g. expired during a long pause
        await new Promise<void>((resolve) => context.signal.addEventListener('abort', () => resolve()));
        throw context.signal.reason;
      }),
    );
    const run = await jobs.runNow('cohort-rotation');
    expect(signal?.aborted).toBe(true);
    expect(run).toMatchObject({ status: 'failed', error: expect.stringContaining('Lost the lease') });
  });

  it('registers its timers with the cron registry and removes them on stop', async () => {
    const registry: jest.Mocked<CronRegistry> = { add: jest.fn(), remove: jest.fn() };
    const jobs = instance('a', { cronRegistry: registry });
    jobs.register(weeklyJob(async () => undefined));
    await jobs.start();
    await jobs.idle();
    expect(registry.add).toHaveBeenCalledWith('cohort-rotation', expect.objectContaining({ isActive: true }));
    expect(jobs.list()[0].nextRunAt).toEqual(new Date('2026-11-30T02:00:00Z'));
    await jobs.stop();
    expect(registry.remove).toHaveBeenCalledWith('cohort-rotation');
  });

  it('fires on its cron schedule', async () => {
    const run = jest.fn(async () => undefined);
    const jobs = new ScheduledJobs({ leases, runs, holderId: 'a', logger: silent });
    instances.push(jobs);
    // Every second, one period per second: the start-up catch-up plus at least one tick.
    jobs.register({ name: 'every-second', cron: '* * * * * *', timeZone: 'UTC', period: (d) => d.toISOString().slice(0, 19), run });
    await jobs.start();
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    await jobs.stop();
    expect(run.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(run).toHaveBeenCalledWith(expect.objectContaining({ trigger: 'schedule' }));
  });

  it('rejects invalid definitions', () => {
    const jobs = instance('a');
    const run = async () => undefined;
    expect(() => jobs.register({ ...weeklyJob(run), cron: 'nonsense' })).toThrow(InvalidJobDefinitionError);
    expect(() => jobs.register({ ...weeklyJob(run), timeZone: 'Mars/Olympus' })).toThrow(/time zone/);
    expect(() => jobs.register({ ...weeklyJob(run), name: 'with space' })).toThrow(InvalidJobDefinitionError);
    jobs.register(weeklyJob(run));
    expect(() => jobs.register(weeklyJob(run))).toThrow(/twice/);
  });
});
