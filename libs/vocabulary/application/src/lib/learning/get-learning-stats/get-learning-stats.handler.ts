import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { dayOf, startOfLocalDay } from '@tall/platform/calendar';
import type { LearningStats } from '@tall/vocabulary/contracts';
import { ActiveSets } from '../active-sets';
import { LEARNING_CLOCK, LEARNING_SETTINGS, type Clock, type LearningSettings } from '../learning-settings';
import { LEARNING_STORE, type LearningStore } from '../learning-store.port';
import { GetLearningStatsQuery } from './get-learning-stats.query';

const DAY_MS = 24 * 60 * 60 * 1000;

@QueryHandler(GetLearningStatsQuery)
export class GetLearningStatsHandler implements IQueryHandler<GetLearningStatsQuery> {
  constructor(
    @Inject(LEARNING_STORE) private readonly store: LearningStore,
    @Inject(LEARNING_SETTINGS) private readonly settings: LearningSettings,
    @Inject(LEARNING_CLOCK) private readonly clock: Clock,
    @Inject(ActiveSets) private readonly activeSets: ActiveSets,
  ) {}

  async execute({ userId }: GetLearningStatsQuery): Promise<LearningStats> {
    const now = this.clock();
    const { timeZone } = this.settings;
    const [{ states, dueByCohort: due }, reviews, { activeCohorts }] = await Promise.all([
      this.store.cardFigures(userId, startOfLocalDay(now, timeZone, 1)),
      this.store.reviewCounts(userId, { todayFrom: startOfLocalDay(now, timeZone), retentionFrom: new Date(now.getTime() - 30 * DAY_MS) }),
      this.activeSets.of(userId, this.activeSets.weekOf(now)),
    ]);
    return {
      day: dayOf(now, timeZone),
      cards: { total: states.new + states.learning + states.review + states.relearning, ...states },
      dueToday: activeCohorts.reduce((sum, cohort) => sum + (due[cohort] ?? 0), 0),
      reviewedToday: reviews.today,
      retention30d: {
        reviews: reviews.retentionReviews,
        remembered: reviews.remembered,
        rate: reviews.retentionReviews > 0 ? reviews.remembered / reviews.retentionReviews : null,
      },
    };
  }
}
