import { Command } from '@nestjs/cqrs';
import type { ContentItem, ContentKind } from '@tall/admin/contracts';

/** An item in review becomes what students get; by another admin, or by the submitter with an override. */
export class PublishContentCommand extends Command<ContentItem> {
  constructor(
    readonly actorId: string,
    readonly kind: ContentKind,
    readonly id: string,
    readonly options: { revision?: number; override?: { reason: string } } = {},
  ) {
    super();
  }
}
