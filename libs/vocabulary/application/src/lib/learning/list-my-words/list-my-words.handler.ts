import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { MyWordList } from '@tall/vocabulary/contracts';
import { lemmaKey } from '@tall/vocabulary/domain';
import { LEARNING_STORE, type LearningStore } from '../learning-store.port';
import { toMyWord } from '../my-word-view';
import { ListMyWordsQuery } from './list-my-words.query';

const DEFAULT_PAGE_SIZE = 20;

@QueryHandler(ListMyWordsQuery)
export class ListMyWordsHandler implements IQueryHandler<ListMyWordsQuery> {
  constructor(@Inject(LEARNING_STORE) private readonly store: LearningStore) {}

  async execute({ userId, filter }: ListMyWordsQuery): Promise<MyWordList> {
    const page = filter.page ?? 1;
    const pageSize = filter.pageSize ?? DEFAULT_PAGE_SIZE;
    const search = filter.q?.trim() ? lemmaKey(filter.q) : undefined;
    const { items, total } = await this.store.listCards(userId, { search, skip: (page - 1) * pageSize, limit: pageSize });
    return { items: items.map(toMyWord), total, page, pageSize };
  }
}
