import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { createEvent } from '@tall/platform/event-contracts';
import { inTransaction, PG_POOL } from '@tall/platform/database';
import { RequestContext } from '@tall/platform/observability';
import { SystemStarted, WeeklyCronTriggered } from '@tall/system/contracts';
import { systemOutbox } from './system-migrations';

export type WeeklyTrigger = 'schedule' | 'catch-up' | 'manual';

/** The system context's state changes, each written with its event in one transaction. */
@Injectable()
export class SystemEventsService {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async recordStart(instanceId: string, modules: string[], appVersion: string): Promise<void> {
    const startedAt = new Date();
    await inTransaction(this.pool, async (tx) => {
      await tx.query(
        'INSERT INTO system.instance_starts (instance_id, modules, app_version, started_at) VALUES ($1, $2, $3, $4)',
        [instanceId, modules, appVersion, startedAt],
      );
      await systemOutbox.append(tx, [
        createEvent(
          SystemStarted,
          { instanceId, modules, appVersion, startedAt: startedAt.toISOString() },
          { key: instanceId, correlationId: RequestContext.correlationId() },
        ),
      ]);
    });
  }

  /**
   * Announces the weekly job for an ISO week. Idempotent per (job, week): a second call for the
   * same week — a retry, a forced manual run — publishes nothing new, so consumers see one event.
   */
  async announceWeek(job: string, periodKey: string, trigger: WeeklyTrigger, actorId?: string): Promise<boolean> {
    const triggeredAt = new Date();
    return inTransaction(this.pool, async (tx) => {
      const inserted = await tx.query(
        `INSERT INTO system.weekly_triggers (job, period_key, trigger, triggered_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (job, period_key) DO NOTHING`,
        [job, periodKey, trigger, triggeredAt],
      );
      if (inserted.rowCount === 0) return false;
      await systemOutbox.append(tx, [
        createEvent(
          WeeklyCronTriggered,
          { job, periodKey, trigger, triggeredAt: triggeredAt.toISOString() },
          { key: `${job}:${periodKey}`, correlationId: RequestContext.correlationId(), actorId: actorId ?? null },
        ),
      ]);
      return true;
    });
  }
}
