import { Query } from '@nestjs/cqrs';
import type { ContentItem, ContentKind } from '@tall/admin/contracts';

/** One item with its working copy. */
export class GetContentQuery extends Query<ContentItem> {
  constructor(
    readonly kind: ContentKind,
    readonly id: string,
  ) {
    super();
  }
}
