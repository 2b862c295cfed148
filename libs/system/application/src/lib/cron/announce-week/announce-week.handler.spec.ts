import { RequestContext } from '@tall/platform/observability';
import { MemorySystemRecords } from '../../../test-support/memory-system-records';
import { AnnounceWeekCommand } from './announce-week.command';
import { AnnounceWeekHandler } from './announce-week.handler';

describe('AnnounceWeekHandler', () => {
  it('announces a week once per job, with the work’s correlation id and actor', async () => {
    const records = new MemorySystemRecords();
    const handler = new AnnounceWeekHandler(records);
    const announce = (command: AnnounceWeekCommand) => RequestContext.run({ correlationId: 'ops-run' }, () => handler.execute(command));

    expect(await announce(new AnnounceWeekCommand('weekly-cohorts', '2026-W20', 'manual', 'admin-1'))).toBe(true);
    expect(await announce(new AnnounceWeekCommand('weekly-cohorts', '2026-W20', 'schedule'))).toBe(false);
    expect(await announce(new AnnounceWeekCommand('weekly-cohorts', '2026-W21', 'catch-up'))).toBe(true);

    expect(records.outbox.map((event) => [event.key, event.payload])).toEqual([
      ['weekly-cohorts:2026-W20', expect.objectContaining({ job: 'weekly-cohorts', periodKey: '2026-W20', trigger: 'manual' })],
      ['weekly-cohorts:2026-W21', expect.objectContaining({ periodKey: '2026-W21', trigger: 'catch-up' })],
    ]);
    expect(records.outbox[0]).toMatchObject({ type: 'cron.weekly.triggered', topic: 'system.cron.weekly', correlationId: 'ops-run', actorId: 'admin-1' });
    expect(records.outbox[1].actorId).toBeNull();
    expect(records.triggers.get('weekly-cohorts:2026-W20')?.trigger).toBe('manual');
  });
});
