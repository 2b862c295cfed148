import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { LevelWord } from '@tall/vocabulary/contracts';
import { translationOf } from '@tall/vocabulary/domain';
import { DICTIONARY_STORE, type DictionaryStore } from '../dictionary-store.port';
import { GetLevelWordsQuery } from './get-level-words.query';

/** The words of the level's topics in topic order, each with its example sentence, from the dictionary in memory. */
@QueryHandler(GetLevelWordsQuery)
export class GetLevelWordsHandler implements IQueryHandler<GetLevelWordsQuery> {
  constructor(@Inject(DICTIONARY_STORE) private readonly dictionary: DictionaryStore) {}

  async execute({ level, language }: GetLevelWordsQuery): Promise<{ words: LevelWord[] }> {
    const topics = await this.dictionary.topics({ level });
    const words = (await Promise.all(topics.map((topic) => this.dictionary.wordsOf(topic.id)))).flat();
    return {
      words: words.map((word) => ({ wordId: word.id, lemma: word.lemma, article: word.article, translation: translationOf(word, language), example: word.example.nl, level })),
    };
  }
}
