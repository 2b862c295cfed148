import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { DictionaryWordView } from '@tall/vocabulary/contracts';
import { vocabularyErrors } from '@tall/vocabulary/domain';
import { THEMATIC_SETTINGS, type ThematicSettings } from '../../thematic/thematic-settings';
import { THEMATIC_STORE, type ThematicStore } from '../../thematic/thematic-store.port';
import { DICTIONARY_STORE, type DictionaryStore } from '../dictionary-store.port';
import { ListTopicWordsQuery } from './list-topic-words.query';

/** Any signed-in role reads a topic's words; a student also sees their box on each. */
@QueryHandler(ListTopicWordsQuery)
export class ListTopicWordsHandler implements IQueryHandler<ListTopicWordsQuery> {
  constructor(
    @Inject(DICTIONARY_STORE) private readonly dictionary: DictionaryStore,
    @Inject(THEMATIC_STORE) private readonly store: ThematicStore,
    @Inject(THEMATIC_SETTINGS) private readonly settings: ThematicSettings,
  ) {}

  async execute({ principal, topicId }: ListTopicWordsQuery): Promise<DictionaryWordView[]> {
    if (!(await this.dictionary.topic(topicId))) throw vocabularyErrors.topicNotFound();
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
