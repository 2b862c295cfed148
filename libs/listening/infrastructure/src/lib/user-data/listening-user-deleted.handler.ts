import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { EventHandler } from '@tall/platform/events';
import { RequestContext } from '@tall/platform/observability';
import { ProfileTopics, UserDeleted } from '@tall/profile/contracts';
import { EraseListeningDataCommand } from '@tall/listening/application';

/** An account was erased: its positions, answers and devices (their content keys with them) go. Erasing twice is harmless. */
@Injectable()
export class ListeningUserDeletedHandler implements EventHandler {
  readonly name = 'listening.eraseOnUserDeleted';
  readonly topics = [ProfileTopics.userEvents];
  readonly types = [UserDeleted.type];

  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async handle(envelope: EventEnvelope): Promise<void> {
    if (envelope.type !== UserDeleted.type || envelope.version !== UserDeleted.version) return;
    const { userId } = UserDeleted.schema.parse(envelope.payload);
    await RequestContext.run({ correlationId: envelope.correlationId }, () => this.commands.execute(new EraseListeningDataCommand(userId)));
  }
}
