import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { TopicSummary } from '@tall/vocabulary/contracts';
import { ThematicFigures } from '../../thematic/thematic-figures';
import { DICTIONARY_STORE, type DictionaryStore } from '../dictionary-store.port';
import { ListTopicsQuery } from './list-topics.query';

/** Any signed-in role reads the dictionary; only a student has figures (`stats` is null for the others). */
@QueryHandler(ListTopicsQuery)
export class ListTopicsHandler implements IQueryHandler<ListTopicsQuery> {
  constructor(
    @Inject(DICTIONARY_STORE) private readonly dictionary: DictionaryStore,
    @Inject(ThematicFigures) private readonly figures: ThematicFigures,
  ) {}

  async execute({ principal, filter }: ListTopicsQuery): Promise<TopicSummary[]> {
    const [topics, wordCounts] = await Promise.all([this.dictionary.topics({ level: filter.level }), this.dictionary.wordCounts()]);
    const stats = principal.role === 'STUDENT' ? (await this.figures.ofTopics(principal.userId, topics, wordCounts)).perTopic : null;
    return topics.map((topic) => ({
      id: topic.id,
      slug: topic.slug,
      title: topic.title,
      level: topic.level,
      order: topic.order,
      wordCount: wordCounts.get(topic.id) ?? 0,
      stats: stats?.get(topic.id) ?? null,
    }));
  }
}
