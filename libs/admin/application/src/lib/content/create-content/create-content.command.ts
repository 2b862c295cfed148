import { Command } from '@nestjs/cqrs';
import type { ContentItem, ContentKind } from '@tall/admin/contracts';

/** An admin starts a new item: a draft students do not see. */
export class CreateContentCommand extends Command<ContentItem> {
  constructor(
    readonly actorId: string,
    readonly kind: ContentKind,
    readonly content: Record<string, unknown>,
  ) {
    super();
  }
}
