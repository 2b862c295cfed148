import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@tall/platform/identity';
import { errors } from '@tall/platform/http';
import type { DictionaryWordView, TopicListQuery, TopicSummary } from '@tall/vocabulary/contracts';
import { THEMATIC_SETTINGS, type ThematicSettings } from '../thematic/thematic-settings';
import { ThematicStatsService } from '../thematic/thematic-stats.service';
import { THEMATIC_STORE, type ThematicStore } from '../thematic/thematic-store.port';
import { DICTIONARY_STORE, type DictionaryStore } from './dictionary-store.port';

/** Reading the dictionary: any signed-in role; a student also sees their own figures and boxes. */
@Injectable()
export class DictionaryService {
  constructor(
    @Inject(DICTIONARY_STORE) private readonly dictionary: DictionaryStore,
    @Inject(THEMATIC_STORE) private readonly store: ThematicStore,
    @Inject(THEMATIC_SETTINGS) private readonly settings: ThematicSettings,
    @Inject(ThematicStatsService) private readonly stats: ThematicStatsService,
  ) {}

  async topics(principal: Principal, query: TopicListQuery): Promise<TopicSummary[]> {
    const [topics, wordCounts] = await Promise.all([this.dictionary.topics({ level: query.level }), this.dictionary.wordCounts()]);
    const stats = principal.role === 'STUDENT' ? (await this.stats.topicStats(principal.userId, topics, wordCounts)).perTopic : null;
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

  async words(principal: Principal, topicId: string): Promise<DictionaryWordView[]> {
    if (!(await this.dictionary.topic(topicId))) throw errors.notFound('Topic', 'TOPIC_NOT_FOUND');
    const [words, cards] = await Promise.all([
      this.dictionary.wordsOf(topicId),
      principal.role === 'STUDENT' ? this.store.cardSummaries(principal.userId, topicId) : Promise.resolve([]),
    ]);
    const cardOf = new Map(cards.map((card) => [card.wordId, card]));
    return words.map((word) => {
      const card = cardOf.get(word.id);
      return {
        id: word.id,
        topicId: word.topicId,
        lemma: word.lemma,
        pos: word.pos,
        article: word.article,
        plural: word.plural,
        pluralOnly: word.pluralOnly,
        verb: word.verb,
        translations: word.translations,
        example: word.example,
        card: card ? { box: card.box, dueAt: card.dueAt.toISOString(), mastered: this.settings.policy.isMastered(card.box) } : null,
      };
    });
  }
}
