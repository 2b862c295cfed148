import type { EventEnvelope } from '@tall/platform/event-contracts';

export type WeeklyTrigger = 'schedule' | 'catch-up' | 'manual';

export interface InstanceStart {
  instanceId: string;
  modules: string[];
  appVersion: string;
  startedAt: Date;
}

export interface WeeklyTriggerRecord {
  job: string;
  periodKey: string;
  trigger: WeeklyTrigger;
  triggeredAt: Date;
}

/** The system context's operational records, each written with its event in one transaction. */
export interface SystemRecords {
  recordStart(start: InstanceStart, event: EventEnvelope): Promise<void>;
  /** False, with nothing written and no event, when (job, period) was recorded before. */
  recordWeeklyTrigger(trigger: WeeklyTriggerRecord, event: EventEnvelope): Promise<boolean>;
}

export const SYSTEM_RECORDS = Symbol('SYSTEM_RECORDS');
