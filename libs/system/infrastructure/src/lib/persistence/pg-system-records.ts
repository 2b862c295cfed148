import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { inTransaction, PG_POOL } from '@tall/platform/database';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { InstanceStart, SystemRecords, WeeklyTriggerRecord } from '@tall/system/application';
import { systemOutbox } from './system-migrations';

/** The records in schema `system`, each in one transaction with its event's outbox row. */
@Injectable()
export class PgSystemRecords implements SystemRecords {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async recordStart(start: InstanceStart, event: EventEnvelope): Promise<void> {
    await inTransaction(this.pool, async (tx) => {
      await tx.query(
        'INSERT INTO system.instance_starts (instance_id, modules, app_version, started_at) VALUES ($1, $2, $3, $4)',
        [start.instanceId, start.modules, start.appVersion, start.startedAt],
      );
      await systemOutbox.append(tx, [event]);
    });
  }

  recordWeeklyTrigger(trigger: WeeklyTriggerRecord, event: EventEnvelope): Promise<boolean> {
    return inTransaction(this.pool, async (tx) => {
      const inserted = await tx.query(
        `INSERT INTO system.weekly_triggers (job, period_key, trigger, triggered_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (job, period_key) DO NOTHING`,
        [trigger.job, trigger.periodKey, trigger.trigger, trigger.triggeredAt],
      );
      if (inserted.rowCount === 0) return false;
      await systemOutbox.append(tx, [event]);
      return true;
    });
  }
}
