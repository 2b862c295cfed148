import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EraseExercisesDataCommand } from '@tall/exercises/application';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { EventHandler } from '@tall/platform/events';
import { RequestContext } from '@tall/platform/observability';
import { ProfileTopics, UserDeleted } from '@tall/profile/contracts';

/** An account was erased: its attempts and weekly sets go. Erasing twice is harmless. */
@Injectable()
export class ExercisesUserDeletedHandler implements EventHandler {
  readonly name = 'exercises.eraseOnUserDeleted';
  readonly topics = [ProfileTopics.userEvents];
  readonly types = [UserDeleted.type];

  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async handle(envelope: EventEnvelope): Promise<void> {
    if (envelope.type !== UserDeleted.type || envelope.version !== UserDeleted.version) return;
    const { userId } = UserDeleted.schema.parse(envelope.payload);
    await RequestContext.run({ correlationId: envelope.correlationId }, () => this.commands.execute(new EraseExercisesDataCommand(userId)));
  }
}
