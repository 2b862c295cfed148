import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ContentItem } from '@tall/admin/contracts';
import { createContentItem } from '@tall/admin/domain';
import { ADMIN_CLOCK, type AdminClock } from '../../ports/content-store.port';
import { ContentItems, contentItemView } from '../content-items';
import { CreateContentCommand } from './create-content.command';

/** A new item gets a new UUID; the owner first hears of it when it is published. */
@CommandHandler(CreateContentCommand)
export class CreateContentHandler implements ICommandHandler<CreateContentCommand> {
  constructor(
    @Inject(ContentItems) private readonly items: ContentItems,
    @Inject(ADMIN_CLOCK) private readonly clock: AdminClock,
  ) {}

  async execute({ actorId, kind, content }: CreateContentCommand): Promise<ContentItem> {
    const judged = await this.items.judge(kind, content);
    const step = createContentItem({ kind, id: randomUUID(), ...judged, actorId, at: this.clock() });
    await this.items.insert(step);
    return contentItemView(step.item);
  }
}
