import { RequestContext } from '@tall/platform/observability';
import { MemorySystemRecords } from '../../../test-support/memory-system-records';
import { RecordInstanceStartCommand } from './record-instance-start.command';
import { RecordInstanceStartHandler } from './record-instance-start.handler';

describe('RecordInstanceStartHandler', () => {
  it('records the start and announces it with the same facts, keyed by the instance', async () => {
    const records = new MemorySystemRecords();
    await RequestContext.run({ correlationId: 'start-1' }, () =>
      new RecordInstanceStartHandler(records).execute(new RecordInstanceStartCommand('host-1-abc', ['profile', 'system'], '1.2.3')),
    );
    const [start] = records.starts;
    expect(start).toEqual({ instanceId: 'host-1-abc', modules: ['profile', 'system'], appVersion: '1.2.3', startedAt: expect.any(Date) });
    expect(records.outbox).toEqual([
      expect.objectContaining({
        type: 'system.started',
        topic: 'system.events.v1',
        key: 'host-1-abc',
        correlationId: 'start-1',
        payload: { instanceId: 'host-1-abc', modules: ['profile', 'system'], appVersion: '1.2.3', startedAt: start.startedAt.toISOString() },
      }),
    ]);
  });
});
