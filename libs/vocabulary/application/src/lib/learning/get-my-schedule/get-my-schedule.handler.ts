import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { dayOf, startOfLocalDay } from '@tall/platform/calendar';
import type { MySchedule } from '@tall/vocabulary/contracts';
import { activeWeeksOf, cyclePosition, nextActiveWeek, upcomingWeeks } from '@tall/vocabulary/domain';
import { ActiveSets } from '../active-sets';
import { LEARNING_CLOCK, LEARNING_SETTINGS, type Clock, type LearningSettings } from '../learning-settings';
import { LEARNING_STORE, type LearningStore } from '../learning-store.port';
import { GetMyScheduleQuery } from './get-my-schedule.query';

const UPCOMING_WEEKS = 8;

@QueryHandler(GetMyScheduleQuery)
export class GetMyScheduleHandler implements IQueryHandler<GetMyScheduleQuery> {
  constructor(
    @Inject(LEARNING_STORE) private readonly store: LearningStore,
    @Inject(LEARNING_SETTINGS) private readonly settings: LearningSettings,
    @Inject(LEARNING_CLOCK) private readonly clock: Clock,
    @Inject(ActiveSets) private readonly activeSets: ActiveSets,
  ) {}

  async execute({ userId }: GetMyScheduleQuery): Promise<MySchedule> {
    const now = this.clock();
    const { timeZone, cohortCycle } = this.settings;
    const week = this.activeSets.weekOf(now);
    const [student, { cohortSizes: sizes, dueByCohort: due }, reviews, { activeCohorts, rotatedWeek }] = await Promise.all([
      this.store.student(userId),
      this.store.cardFigures(userId, startOfLocalDay(now, timeZone, 1)),
      this.store.reviewCounts(userId, { todayFrom: startOfLocalDay(now, timeZone), retentionFrom: startOfLocalDay(now, timeZone) }),
      this.activeSets.of(userId, week),
    ]);
    // The projection the rotation reads is repaired here when it drifted from the cards.
    if (student && !sameSizes(student.cohorts, sizes)) await this.store.reconcileCohortSizes(userId, now);
    const cohorts = Object.keys(sizes)
      .sort()
      .reverse()
      .map((cohort) => {
        const active = activeCohorts.includes(cohort);
        return {
          week: cohort,
          size: sizes[cohort],
          position: active ? cyclePosition(cohort, week, cohortCycle) : null,
          activeThisWeek: active,
          nextActiveWeek: nextActiveWeek(cohort, week, cohortCycle),
          activeWeeks: activeWeeksOf(cohort, cohortCycle),
          dueToday: active ? (due[cohort] ?? 0) : 0,
        };
      });
    return {
      timeZone,
      day: dayOf(now, timeZone),
      week,
      cycleWeeks: [...cohortCycle],
      rotatedWeek,
      activeCohorts,
      cohorts,
      upcoming: upcomingWeeks(week, UPCOMING_WEEKS, sizes, cohortCycle),
      dueToday: cohorts.reduce((sum, cohort) => sum + cohort.dueToday, 0),
      doneToday: reviews.today,
    };
  }
}

function sameSizes(a: Record<string, number>, b: Record<string, number>): boolean {
  const weeks = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...weeks].every((week) => (a[week] ?? 0) === (b[week] ?? 0));
}
