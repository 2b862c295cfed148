import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CONTENT_STORE, type ContentStore } from '../../ports/content-store.port';
import { ContentItems } from '../content-items';
import { DEFAULT_PAGE_SIZE, type ContentPage } from '../content-page';
import { ListContentQuery } from './list-content.query';

@QueryHandler(ListContentQuery)
export class ListContentHandler implements IQueryHandler<ListContentQuery> {
  constructor(
    @Inject(ContentItems) private readonly items: ContentItems,
    @Inject(CONTENT_STORE) private readonly store: ContentStore,
  ) {}

  async execute({ kind, query }: ListContentQuery): Promise<ContentPage> {
    this.items.ownerOf(kind);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const { items, total } = await this.store.list(kind, { ...query, page, pageSize });
    return {
      items: items.map((item) => ({
        id: item.id,
        kind: item.kind,
        status: item.status,
        revision: item.revision,
        publishedVersion: item.publishedVersion,
        title: item.listing.title,
        level: item.listing.level,
        topic: item.listing.topic,
        unpublishedChanges: item.unpublishedChanges,
        createdAt: item.createdAt.toISOString(),
        createdBy: item.createdBy,
        updatedAt: item.updatedAt.toISOString(),
        updatedBy: item.updatedBy,
        submittedBy: item.submittedBy,
      })),
      total,
      page,
      pageSize,
    };
  }
}
