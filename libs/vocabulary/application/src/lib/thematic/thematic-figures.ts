import { Inject, Injectable } from '@nestjs/common';
import type { ThematicCounts, TopicStats } from '@tall/vocabulary/contracts';
import { dayOf, startOfLocalDay } from '@tall/platform/calendar';
import { streakOf, type DictionaryTopic } from '@tall/vocabulary/domain';
import { THEMATIC_SETTINGS, VOCABULARY_CLOCK, type ThematicClock, type ThematicSettings } from './thematic-settings';
import { THEMATIC_STORE, type CardSummary, type ThematicStore } from './thematic-store.port';

export interface TopicFigures {
  perTopic: Map<string, TopicStats>;
  cards: CardSummary[];
  days: Array<{ topicId: string; day: string }>;
}

/** A student's thematic-card figures, computed from their cards and review days (the stats and the topic list show them). */
@Injectable()
export class ThematicFigures {
  constructor(
    @Inject(THEMATIC_STORE) private readonly store: ThematicStore,
    @Inject(THEMATIC_SETTINGS) private readonly settings: ThematicSettings,
    @Inject(VOCABULARY_CLOCK) private readonly clock: ThematicClock,
  ) {}

  /** The student's figures on each of `topics`. */
  async ofTopics(userId: string, topics: readonly DictionaryTopic[], wordCounts: ReadonlyMap<string, number>): Promise<TopicFigures> {
    const [cards, days] = await Promise.all([this.store.cardSummaries(userId), this.store.reviewDays(userId)]);
    const perTopic = new Map<string, TopicStats>();
    for (const topic of topics) {
      const wordCount = wordCounts.get(topic.id) ?? 0;
      const counts = this.counts(
        cards.filter((card) => card.topicId === topic.id),
        wordCount,
        days.filter((entry) => entry.topicId === topic.id).map((entry) => entry.day),
      );
      perTopic.set(topic.id, { ...counts, topicMastered: this.settings.policy.topicMastered(counts.mastered, wordCount) });
    }
    return { perTopic, cards, days };
  }

  counts(cards: readonly CardSummary[], wordCount: number, days: readonly string[]): ThematicCounts {
    const now = this.clock();
    const { policy, timeZone } = this.settings;
    const endOfToday = startOfLocalDay(now, timeZone, 1).getTime();
    const mastered = cards.filter((card) => policy.isMastered(card.box)).length;
    const reviews = cards.reduce((sum, card) => sum + card.reviews, 0);
    const correctReviews = cards.reduce((sum, card) => sum + card.correctReviews, 0);
    return {
      wordCount,
      seen: cards.length,
      learning: cards.length - mastered,
      mastered,
      mastery: wordCount > 0 ? Math.min(1, mastered / wordCount) : 0,
      dueToday: cards.filter((card) => card.dueAt.getTime() < endOfToday).length,
      reviews,
      correctReviews,
      accuracy: reviews > 0 ? correctReviews / reviews : null,
      streak: streakOf(days, dayOf(now, timeZone)),
    };
  }
}
