import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ContentItem } from '@tall/admin/contracts';
import { checkPublish, nextVersion, publishContentItem } from '@tall/admin/domain';
import { workflowStep } from '../../admin-error';
import { ADMIN_CLOCK, type AdminClock } from '../../ports/content-store.port';
import { contentUpdatedEvent } from '../content-event';
import { ContentItems, contentItemView } from '../content-items';
import { ownerRefusal } from '../owner-refusal';
import { PublishContentCommand } from './publish-content.command';

/**
 * The owner first, then the item: the owner takes the version (once per version), then the item's
 * one-document write records it with `content.updated` in its outbox. A crash between the two
 * leaves the item in review, and publishing again gives the owner the same version, which it
 * has already and answers without changing anything, and completes the item.
 */
@CommandHandler(PublishContentCommand)
export class PublishContentHandler implements ICommandHandler<PublishContentCommand> {
  constructor(
    @Inject(ContentItems) private readonly items: ContentItems,
    @Inject(ADMIN_CLOCK) private readonly clock: AdminClock,
  ) {}

  async execute({ actorId, kind, id, options }: PublishContentCommand): Promise<ContentItem> {
    const item = await this.items.load(kind, id);
    const at = this.clock();
    const publish = { ...options, actorId, at };
    workflowStep(() => checkPublish(item, publish));
    const problem = await this.items.ownerOf(kind).publish(kind, id, nextVersion(item), item.content);
    if (problem) throw ownerRefusal(problem, kind, id);
    const step = workflowStep(() => publishContentItem(item, publish));
    await this.items.save(step, item.revision, [contentUpdatedEvent(step.item, 'published', actorId, at)]);
    return contentItemView(step.item);
  }
}
