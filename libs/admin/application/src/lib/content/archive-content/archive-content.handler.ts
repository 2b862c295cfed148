import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ContentItem } from '@tall/admin/contracts';
import { archiveContentItem, checkArchive, nextVersion } from '@tall/admin/domain';
import { workflowStep } from '../../admin-error';
import { ADMIN_CLOCK, type AdminClock } from '../../ports/content-store.port';
import { contentUpdatedEvent } from '../content-event';
import { ContentItems, contentItemView } from '../content-items';
import { ownerRefusal } from '../owner-refusal';
import { ArchiveContentCommand } from './archive-content.command';

/** As publishing: the owner archives the next version first, then the item records it with its event. */
@CommandHandler(ArchiveContentCommand)
export class ArchiveContentHandler implements ICommandHandler<ArchiveContentCommand> {
  constructor(
    @Inject(ContentItems) private readonly items: ContentItems,
    @Inject(ADMIN_CLOCK) private readonly clock: AdminClock,
  ) {}

  async execute({ actorId, kind, id, revision }: ArchiveContentCommand): Promise<ContentItem> {
    const item = await this.items.load(kind, id);
    const at = this.clock();
    workflowStep(() => checkArchive(item, { revision }));
    const problem = await this.items.ownerOf(kind).archive(kind, id, nextVersion(item));
    if (problem) throw ownerRefusal(problem, kind, id);
    const step = workflowStep(() => archiveContentItem(item, { revision, actorId, at }));
    await this.items.save(step, item.revision, [contentUpdatedEvent(step.item, 'archived', actorId, at)]);
    return contentItemView(step.item);
  }
}
