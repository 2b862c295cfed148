import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ContentHistory } from '@tall/admin/contracts';
import { CONTENT_STORE, type ContentStore } from '../../ports/content-store.port';
import { ContentItems } from '../content-items';
import { GetContentHistoryQuery } from './get-content-history.query';

@QueryHandler(GetContentHistoryQuery)
export class GetContentHistoryHandler implements IQueryHandler<GetContentHistoryQuery> {
  constructor(
    @Inject(ContentItems) private readonly items: ContentItems,
    @Inject(CONTENT_STORE) private readonly store: ContentStore,
  ) {}

  async execute({ kind, id }: GetContentHistoryQuery): Promise<ContentHistory> {
    await this.items.load(kind, id);
    const entries = (await this.store.history(kind, id)) ?? [];
    return { id, kind, entries: entries.map((entry) => ({ ...entry, at: entry.at.toISOString() })) };
  }
}
