import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { dayOf, startOfLocalDay } from '@tall/platform/calendar';
import type { TodayCard, TodayQueue } from '@tall/vocabulary/contracts';
import { ActiveSets } from '../active-sets';
import { LEARN_AHEAD_MS, LEARNING_CLOCK, LEARNING_SETTINGS, type Clock, type LearningSettings } from '../learning-settings';
import { LEARNING_STORE, type LearningCardRecord, type LearningStore } from '../learning-store.port';
import { GetTodayQueueQuery } from './get-today-queue.query';

@QueryHandler(GetTodayQueueQuery)
export class GetTodayQueueHandler implements IQueryHandler<GetTodayQueueQuery> {
  constructor(
    @Inject(LEARNING_STORE) private readonly store: LearningStore,
    @Inject(LEARNING_SETTINGS) private readonly settings: LearningSettings,
    @Inject(LEARNING_CLOCK) private readonly clock: Clock,
    @Inject(ActiveSets) private readonly activeSets: ActiveSets,
  ) {}

  async execute({ userId, limit }: GetTodayQueueQuery): Promise<TodayQueue> {
    const now = this.clock();
    const week = this.activeSets.weekOf(now);
    const { activeCohorts } = await this.activeSets.of(userId, week);
    const { items, total } = await this.store.dueCards(userId, {
      cohorts: activeCohorts,
      dueBefore: startOfLocalDay(now, this.settings.timeZone, 1),
      learningDueBefore: new Date(now.getTime() + LEARN_AHEAD_MS),
      limit,
    });
    return { day: dayOf(now, this.settings.timeZone), week, activeCohorts, items: items.map(toTodayCard), total };
  }
}

/** A flip card: the article and the lemma; the translation, or the sentence a reader's word was saved from. */
function toTodayCard(card: LearningCardRecord): TodayCard {
  const front = card.article ? `${card.article} ${card.lemma}` : card.lemma;
  return {
    userWordId: card.id,
    prompt: { front, back: card.translation ?? card.context ?? '' },
    lemma: card.lemma,
    article: card.article,
    translation: card.translation,
    note: card.note,
    context: card.context,
    cohortWeek: card.cohortWeek,
    state: card.memory.state,
    dueAt: card.memory.due.toISOString(),
  };
}
