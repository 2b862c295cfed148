import { MemoryJobRuns } from '../../../test-support/memory-job-runs';
import { SystemError } from '../../system-error';
import { ListJobRunsHandler } from './list-job-runs.handler';
import { ListJobRunsQuery } from './list-job-runs.query';

describe('ListJobRunsHandler', () => {
  it('lists a job’s runs newest first, 20 unless asked otherwise; an unknown job is not found', async () => {
    let week = 0;
    const runs = new MemoryJobRuns(['weekly-cohorts'], () => `2026-W${String(++week).padStart(2, '0')}`);
    for (let run = 0; run < 22; run++) await runs.runNow('weekly-cohorts', { force: false });
    const handler = new ListJobRunsHandler(runs);

    const { items } = await handler.execute(new ListJobRunsQuery('weekly-cohorts'));
    expect(items).toHaveLength(20);
    expect(items[0]).toEqual({ job: 'weekly-cohorts', periodKey: '2026-W22', status: 'succeeded', startedAt: expect.any(String), finishedAt: expect.any(String), error: null, attempts: 1 });
    expect((await handler.execute(new ListJobRunsQuery('weekly-cohorts', 2))).items.map((run) => run.periodKey)).toEqual(['2026-W22', '2026-W21']);

    const unknown = handler.execute(new ListJobRunsQuery('no-such-job'));
    await expect(unknown).rejects.toBeInstanceOf(SystemError);
    await expect(unknown).rejects.toMatchObject({ code: 'JOB_NOT_FOUND', message: 'Scheduled job not found' });
  });
});
