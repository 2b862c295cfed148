import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ThematicStats, TopicStats } from '@tall/vocabulary/contracts';
import { DICTIONARY_STORE, type DictionaryStore } from '../../dictionary/dictionary-store.port';
import { ThematicFigures } from '../thematic-figures';
import { GetThematicStatsQuery } from './get-thematic-stats.query';

@QueryHandler(GetThematicStatsQuery)
export class GetThematicStatsHandler implements IQueryHandler<GetThematicStatsQuery> {
  constructor(
    @Inject(DICTIONARY_STORE) private readonly dictionary: DictionaryStore,
    @Inject(ThematicFigures) private readonly figures: ThematicFigures,
  ) {}

  async execute({ userId }: GetThematicStatsQuery): Promise<ThematicStats> {
    const [topics, wordCounts] = await Promise.all([this.dictionary.topics(), this.dictionary.wordCounts()]);
    const { perTopic, cards, days } = await this.figures.ofTopics(userId, topics, wordCounts);
    const known = new Set(topics.map((topic) => topic.id));
    const overall = this.figures.counts(
      cards.filter((card) => known.has(card.topicId)),
      topics.reduce((sum, topic) => sum + (wordCounts.get(topic.id) ?? 0), 0),
      days.map((entry) => entry.day),
    );
    const list = topics.map((topic) => ({ topicId: topic.id, slug: topic.slug, level: topic.level, ...(perTopic.get(topic.id) as TopicStats) }));
    return {
      overall: {
        ...overall,
        topics: topics.length,
        topicsStarted: list.filter((topic) => topic.seen > 0).length,
        topicsMastered: list.filter((topic) => topic.topicMastered).length,
      },
      topics: list,
    };
  }
}
