import { MemoryJobRuns } from '../../../test-support/memory-job-runs';
import { SystemError } from '../../system-error';
import { WEEKLY_COHORTS_JOB } from '../weekly-cohorts-job';
import { RunWeeklyJobCommand } from './run-weekly-job.command';
import { RunWeeklyJobHandler } from './run-weekly-job.handler';

describe('RunWeeklyJobHandler', () => {
  it('runs the weekly job, once a week unless forced, answering with the run as operations see it', async () => {
    const runs = new MemoryJobRuns([WEEKLY_COHORTS_JOB], () => '2026-W20');
    const handler = new RunWeeklyJobHandler(runs);
    expect(await handler.execute(new RunWeeklyJobCommand(false))).toEqual({
      job: 'weekly-cohorts',
      periodKey: '2026-W20',
      status: 'succeeded',
      startedAt: '2026-05-13T10:00:00.000Z',
      finishedAt: '2026-05-13T10:00:00.000Z',
      error: null,
      attempts: 1,
    });
    expect(await handler.execute(new RunWeeklyJobCommand(false))).toMatchObject({ attempts: 1 });
    expect(await handler.execute(new RunWeeklyJobCommand(true))).toMatchObject({ attempts: 2 });
    expect(runs.requests).toEqual([
      { job: 'weekly-cohorts', force: false },
      { job: 'weekly-cohorts', force: false },
      { job: 'weekly-cohorts', force: true },
    ]);
  });

  it('refuses a run while the job is running', async () => {
    const runs = new MemoryJobRuns([WEEKLY_COHORTS_JOB], () => '2026-W20');
    runs.busy = true;
    const refused = new RunWeeklyJobHandler(runs).execute(new RunWeeklyJobCommand(true));
    await expect(refused).rejects.toBeInstanceOf(SystemError);
    await expect(refused).rejects.toMatchObject({ code: 'CRON_JOB_RUNNING', message: 'The weekly job is running right now' });
  });
});
