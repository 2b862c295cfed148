import { Command } from '@nestjs/cqrs';
import type { ContentItem, ContentKind } from '@tall/admin/contracts';

/** The whole new working copy, from the revision the editor started from. */
export class EditContentCommand extends Command<ContentItem> {
  constructor(
    readonly actorId: string,
    readonly kind: ContentKind,
    readonly id: string,
    readonly content: Record<string, unknown>,
    readonly revision: number,
  ) {
    super();
  }
}
