import { Query } from '@nestjs/cqrs';
import type { ContentHistory, ContentKind } from '@tall/admin/contracts';

/** Every revision of an item, oldest first: who did what, when, and what changed. */
export class GetContentHistoryQuery extends Query<ContentHistory> {
  constructor(
    readonly kind: ContentKind,
    readonly id: string,
  ) {
    super();
  }
}
