import { Command } from '@nestjs/cqrs';
import type { ContentItem, ContentKind } from '@tall/admin/contracts';

/** A draft goes to review. */
export class SubmitContentCommand extends Command<ContentItem> {
  constructor(
    readonly actorId: string,
    readonly kind: ContentKind,
    readonly id: string,
    readonly revision?: number,
  ) {
    super();
  }
}
