import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ContentItem } from '@tall/admin/contracts';
import { editContentItem } from '@tall/admin/domain';
import { workflowStep } from '../../admin-error';
import { ADMIN_CLOCK, type AdminClock } from '../../ports/content-store.port';
import { ContentItems, contentItemView } from '../content-items';
import { EditContentCommand } from './edit-content.command';

/** Any item may be edited; it becomes a draft, and students keep what is published. */
@CommandHandler(EditContentCommand)
export class EditContentHandler implements ICommandHandler<EditContentCommand> {
  constructor(
    @Inject(ContentItems) private readonly items: ContentItems,
    @Inject(ADMIN_CLOCK) private readonly clock: AdminClock,
  ) {}

  async execute({ actorId, kind, id, content, revision }: EditContentCommand): Promise<ContentItem> {
    const item = await this.items.load(kind, id);
    const judged = await this.items.judge(kind, content);
    const step = workflowStep(() => editContentItem(item, { ...judged, revision, actorId, at: this.clock() }));
    await this.items.save(step, item.revision);
    return contentItemView(step.item);
  }
}
