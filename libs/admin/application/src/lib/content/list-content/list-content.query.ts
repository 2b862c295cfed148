import { Query } from '@nestjs/cqrs';
import type { ContentKind, ContentListQuery } from '@tall/admin/contracts';
import type { ContentPage } from '../content-page';

/** A kind's items, filtered and paged, for the admins' lists. */
export class ListContentQuery extends Query<ContentPage> {
  constructor(
    readonly kind: ContentKind,
    readonly query: ContentListQuery,
  ) {
    super();
  }
}
