import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ContentItem } from '@tall/admin/contracts';
import { submitContentItem } from '@tall/admin/domain';
import { workflowStep } from '../../admin-error';
import { ADMIN_CLOCK, type AdminClock } from '../../ports/content-store.port';
import { ContentItems, contentItemView } from '../content-items';
import { SubmitContentCommand } from './submit-content.command';

@CommandHandler(SubmitContentCommand)
export class SubmitContentHandler implements ICommandHandler<SubmitContentCommand> {
  constructor(
    @Inject(ContentItems) private readonly items: ContentItems,
    @Inject(ADMIN_CLOCK) private readonly clock: AdminClock,
  ) {}

  async execute({ actorId, kind, id, revision }: SubmitContentCommand): Promise<ContentItem> {
    const item = await this.items.load(kind, id);
    const step = workflowStep(() => submitContentItem(item, { revision, actorId, at: this.clock() }));
    await this.items.save(step, item.revision);
    return contentItemView(step.item);
  }
}
