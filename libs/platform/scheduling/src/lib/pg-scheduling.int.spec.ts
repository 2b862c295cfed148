import { createPgPool, migrateSchema } from '@tall/platform/database';
import { stackEnv, uniqueName, waitFor } from '@tall/platform/testing';
import type { Pool } from 'pg';
import { isoWeekOf } from '@tall/platform/calendar';
import { PgJobRunStore } from './job-runs/pg-job-run-store';
import { PgLeaseStore } from './leases/pg-lease-store';
import { ScheduledJobs, type JobContext, type ScheduledJob, type SchedulerLogger } from './scheduled-jobs';
import { JobConflictError } from './scheduling-errors';
import { schedulingMigrations, schedulingMigrationSql } from './scheduling-migration';

const silent: SchedulerLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const WEDNESDAY_W48 = new Date('2026-11-25T10:00:00Z');

describe('scheduling on PostgreSQL', () => {
  const schema = uniqueName('sched').toLowerCase();
  let pool: Pool;
  let leases: PgLeaseStore;
  let runs: PgJobRunStore;
  const instances: ScheduledJobs[] = [];

  const instance = (holderId: string, now?: () => Date) => {
    const jobs = new ScheduledJobs({ leases, runs, holderId, now, logger: silent, leaseTtlMs: 5_000 });
    instances.push(jobs);
    return jobs;
  };
  const weekly = (name: string, run: (context: JobContext) => Promise<void>): ScheduledJob => ({
    name,
    cron: '0 3 * * 1',
    timeZone: 'Europe/Amsterdam',
    period: (date) => isoWeekOf(date, 'Europe/Amsterdam'),
    run,
  });
  const runRows = async (job: string) =>
    (await pool.query(`SELECT period_key, status, attempts, holder FROM ${schema}.job_runs WHERE job = $1 ORDER BY period_key`, [job])).rows;

  beforeAll(async () => {
    pool = createPgPool(stackEnv().DATABASE_URL, 8, 'test');
    await migrateSchema(pool, schema, schedulingMigrations(schema));
    // Safe to apply again, also as the plain script.
    await migrateSchema(pool, schema, schedulingMigrations(schema));
    await pool.query(schedulingMigrationSql(schema));
    leases = new PgLeaseStore(pool, { schema });
    runs = new PgJobRunStore(pool, { schema });
  });

  afterEach(async () => {
    await Promise.all(instances.splice(0).map((jobs) => jobs.stop()));
  });

  afterAll(async () => {
    await pool.query(`DROP SCHEMA ${schema} CASCADE`);
    await pool.end();
  });

  describe('PgLeaseStore', () => {
    it('gives a lease to one holder at a time, and to another after release or expiry', async () => {
      const name = uniqueName('lease');
      expect(await leases.acquire(name, 'a', 60_000)).toMatchObject({ name, holder: 'a' });
      expect(await leases.acquire(name, 'b', 60_000)).toBeNull();
      expect(await leases.acquire(name, 'a', 60_000)).toMatchObject({ holder: 'a' }); // re-entrant
      expect(await leases.renew(name, 'b', 60_000)).toBeNull();
      expect(await leases.renew(name, 'a', 60_000)).toMatchObject({ holder: 'a' });

      await leases.release(name, 'b'); // not b's to release
      expect(await leases.acquire(name, 'b', 60_000)).toBeNull();
      await leases.release(name, 'a');
      expect(await leases.acquire(name, 'b', 50)).toMatchObject({ holder: 'b' });

      await new Promise((resolve) => setTimeout(resolve, 80));
      expect(await leases.renew(name, 'b', 60_000)).toBeNull(); // expired: renewing is too late
      expect(await leases.acquire(name, 'c', 60_000)).toMatchObject({ holder: 'c' });
    });

    it('lets exactly one of many concurrent acquirers win', async () => {
      const name = uniqueName('lease');
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => leases.acquire(name, `holder-${i}`, 60_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });

  it('two instances on one job: exactly one runs the catch-up', async () => {
    const job = uniqueName('job');
    const run = jest.fn(async () => new Promise<void>((resolve) => setTimeout(resolve, 50)));
    const a = instance('instance-a', () => WEDNESDAY_W48);
    const b = instance('instance-b', () => WEDNESDAY_W48);
    a.register(weekly(job, run));
    b.register(weekly(job, run));
    await Promise.all([a.start(), b.start()]);
    await Promise.all([a.idle(), b.idle()]);

    expect(run).toHaveBeenCalledTimes(1);
    expect(await runRows(job)).toEqual([expect.objectContaining({ period_key: '2026-W48', status: 'succeeded', attempts: 1 })]);
  });

  it('two instances ticking every second: one run per period', async () => {
    const job = uniqueName('job');
    const run = jest.fn(async () => undefined);
    const definition: ScheduledJob = {
      name: job,
      cron: '* * * * * *',
      timeZone: 'UTC',
      period: () => 'the-only-period',
      run,
      catchUpAtStart: false,
    };
    const a = instance('instance-a');
    const b = instance('instance-b');
    a.register(definition);
    b.register({ ...definition });
    await Promise.all([a.start(), b.start()]);
    await waitFor(async () => (await runRows(job)).length > 0, { what: 'the first tick' });
    await new Promise((resolve) => setTimeout(resolve, 2_100)); // two more ticks on each instance
    expect(run).toHaveBeenCalledTimes(1);
    expect(await runRows(job)).toEqual([expect.objectContaining({ period_key: 'the-only-period', status: 'succeeded' })]);
  });

  it('catches up a missed period at start and does not run a period twice', async () => {
    const job = uniqueName('job');
    // Last week ran; this week's Monday run was missed while the app was down.
    await runs.claim(job, '2026-W47', 'old-instance', { force: false });
    await runs.finish(job, '2026-W47', 'old-instance', { status: 'succeeded' });
    const run = jest.fn(async () => undefined);

    const first = instance('instance-a', () => WEDNESDAY_W48);
    first.register(weekly(job, run));
    await first.start();
    await first.idle();
    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledWith(expect.objectContaining({ periodKey: '2026-W48', trigger: 'startup' }));

    // Another instance starting the same week, and an admin without force: nothing runs again.
    const second = instance('instance-b', () => WEDNESDAY_W48);
    second.register(weekly(job, run));
    await second.start();
    await second.idle();
    expect(await second.runNow(job)).toMatchObject({ periodKey: '2026-W48', status: 'succeeded', holder: 'instance-a' });
    expect(run).toHaveBeenCalledTimes(1);
    expect(await runRows(job)).toEqual([
      expect.objectContaining({ period_key: '2026-W47', status: 'succeeded' }),
      expect.objectContaining({ period_key: '2026-W48', status: 'succeeded', attempts: 1 }),
    ]);
  });

  it('runNow while the job runs is a Conflict, here and on another instance', async () => {
    const job = uniqueName('job');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const started = jest.fn();
    const body = async () => {
      started();
      await gate;
    };
    const a = instance('instance-a', () => WEDNESDAY_W48);
    const b = instance('instance-b', () => WEDNESDAY_W48);
    a.register(weekly(job, body));
    b.register(weekly(job, body));

    const running = a.runNow(job);
    await waitFor(() => started.mock.calls.length > 0, { what: 'the job to start' });
    await expect(a.runNow(job)).rejects.toBeInstanceOf(JobConflictError);
    await expect(b.runNow(job, { force: true })).rejects.toBeInstanceOf(JobConflictError);
    expect(await runRows(job)).toEqual([expect.objectContaining({ status: 'running', holder: 'instance-a' })]);

    release();
    expect(await running).toMatchObject({ status: 'succeeded', periodKey: '2026-W48' });
    // Once finished, a forced re-run from the other instance goes through.
    expect(await b.runNow(job, { force: true })).toMatchObject({ status: 'succeeded', holder: 'instance-b', attempts: 2 });
  });
});
