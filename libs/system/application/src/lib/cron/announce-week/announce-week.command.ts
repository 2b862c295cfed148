import { Command } from '@nestjs/cqrs';
import type { WeeklyTrigger } from '../../ports/system-records.port';

/**
 * Announces a weekly job's ISO week (`cron.weekly.triggered`). True when announced now; false
 * when that week was announced before.
 */
export class AnnounceWeekCommand extends Command<boolean> {
  constructor(
    readonly job: string,
    readonly periodKey: string,
    readonly trigger: WeeklyTrigger,
    readonly actorId?: string,
  ) {
    super();
  }
}
