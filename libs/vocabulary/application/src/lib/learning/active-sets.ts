import { Inject, Injectable } from '@nestjs/common';
import { addWeeks, isoWeekOf } from '@tall/platform/calendar';
import { LEARNING_SETTINGS, type LearningSettings } from './learning-settings';
import { LEARNING_STORE, type LearningStore } from './learning-store.port';

/** Which cohorts of a student are on the table in a week (today's queue, the schedule, the figures). */
@Injectable()
export class ActiveSets {
  constructor(
    @Inject(LEARNING_STORE) private readonly store: LearningStore,
    @Inject(LEARNING_SETTINGS) private readonly settings: LearningSettings,
  ) {}

  weekOf(at: Date): string {
    return isoWeekOf(at, this.settings.timeZone);
  }

  /**
   * This week's new cohort is always active; older ones as the rotation set them for this week,
   * or, until it has run (Monday 00:00-03:00, or a late run), for last week.
   */
  async of(userId: string, week: string): Promise<{ activeCohorts: string[]; rotatedWeek: string | null }> {
    const rotated = await this.store.activeSet(userId, [week, addWeeks(week, -1)]);
    const older = (rotated?.activeCohorts ?? []).filter((cohort) => cohort !== week);
    return { activeCohorts: [week, ...older], rotatedWeek: rotated?.week ?? null };
  }
}
