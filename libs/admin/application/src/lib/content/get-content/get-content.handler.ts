import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ContentItem } from '@tall/admin/contracts';
import { ContentItems, contentItemView } from '../content-items';
import { GetContentQuery } from './get-content.query';

@QueryHandler(GetContentQuery)
export class GetContentHandler implements IQueryHandler<GetContentQuery> {
  constructor(@Inject(ContentItems) private readonly items: ContentItems) {}

  async execute({ kind, id }: GetContentQuery): Promise<ContentItem> {
    return contentItemView(await this.items.load(kind, id));
  }
}
