import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { InstanceStart, SystemRecords, WeeklyTriggerRecord } from '../lib/ports/system-records.port';

/** The system records in memory: what was written, and the events that would have gone to the outbox. */
export class MemorySystemRecords implements SystemRecords {
  readonly starts: InstanceStart[] = [];
  readonly triggers = new Map<string, WeeklyTriggerRecord>();
  readonly outbox: EventEnvelope[] = [];

  async recordStart(start: InstanceStart, event: EventEnvelope): Promise<void> {
    this.starts.push(start);
    this.outbox.push(event);
  }

  async recordWeeklyTrigger(trigger: WeeklyTriggerRecord, event: EventEnvelope): Promise<boolean> {
    const key = `${trigger.job}:${trigger.periodKey}`;
    if (this.triggers.has(key)) return false;
    this.triggers.set(key, trigger);
    this.outbox.push(event);
    return true;
  }
}
