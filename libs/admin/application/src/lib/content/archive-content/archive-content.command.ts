import { Command } from '@nestjs/cqrs';
import type { ContentItem, ContentKind } from '@tall/admin/contracts';

/** Students no longer get the item in anything new; running sessions keep it. */
export class ArchiveContentCommand extends Command<ContentItem> {
  constructor(
    readonly actorId: string,
    readonly kind: ContentKind,
    readonly id: string,
    readonly revision?: number,
  ) {
    super();
  }
}
