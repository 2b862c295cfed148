import { InMemoryJobRunStore, InMemoryLeaseStore, ScheduledJobs } from '@tall/platform/scheduling';
import { PlatformJobRuns } from './platform-job-runs';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const NOW = new Date('2026-05-13T10:00:00Z');

describe('PlatformJobRuns', () => {
  function setup() {
    const jobs = new ScheduledJobs({ leases: new InMemoryLeaseStore(), runs: new InMemoryJobRunStore(() => NOW), holderId: 'test', now: () => NOW, logger: silent });
    let release: () => void = () => undefined;
    jobs.register({
      name: 'weekly-cohorts',
      cron: '0 3 * * 1',
      timeZone: 'Europe/Amsterdam',
      period: () => '2026-W20',
      run: () => new Promise<void>((resolve) => (release = resolve)),
    });
    return { runs: new PlatformJobRuns(jobs), release: () => release() };
  }

  it('runs a job now, and answers busy while it is running', async () => {
    const { runs, release } = setup();
    const running = runs.runNow('weekly-cohorts', { force: false });
    expect(await runs.runNow('weekly-cohorts', { force: true })).toBe('busy');
    await new Promise((resolve) => setImmediate(resolve));
    release();
    expect(await running).toMatchObject({ job: 'weekly-cohorts', periodKey: '2026-W20', status: 'succeeded', startedAt: NOW, attempts: 1 });
  });

  it('gives the history of a registered job, and null for an unknown one', async () => {
    const { runs, release } = setup();
    const running = runs.runNow('weekly-cohorts', { force: false });
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await running;
    expect(await runs.history('weekly-cohorts', 20)).toEqual([expect.objectContaining({ periodKey: '2026-W20', status: 'succeeded' })]);
    expect(await runs.history('no-such-job', 20)).toBeNull();
  });
});
