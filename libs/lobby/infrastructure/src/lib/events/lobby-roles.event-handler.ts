import type { CommandBus } from '@nestjs/cqrs';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import { isEvent } from '@tall/platform/event-contracts';
import type { EventHandler } from '@tall/platform/events';
import { ProfileTopics, UserCreated, UserDeleted, UserRoleChanged } from '@tall/profile/contracts';
import { ForgetUserCommand, LearnRoleCommand } from '@tall/lobby/application';

/** Stable: it is the inbox key, so renaming it re-applies every event. */
export const LOBBY_ROLES_HANDLER = 'lobby.learnRoles';

/** Learns each user's role from profile's events (idempotent per event), and forgets erased users. */
export function lobbyRolesHandler(commands: CommandBus): EventHandler {
  return {
    name: LOBBY_ROLES_HANDLER,
    topics: [ProfileTopics.userEvents],
    types: [UserCreated.type, UserRoleChanged.type, UserDeleted.type],
    async handle(envelope: EventEnvelope): Promise<void> {
      const event = { id: envelope.id, handler: LOBBY_ROLES_HANDLER };
      if (isEvent(UserCreated, envelope)) {
        const { userId, role } = UserCreated.schema.parse(envelope.payload);
        await commands.execute(new LearnRoleCommand(userId, role, event));
      } else if (isEvent(UserRoleChanged, envelope)) {
        const { userId, role } = UserRoleChanged.schema.parse(envelope.payload);
        await commands.execute(new LearnRoleCommand(userId, role, event));
      } else if (isEvent(UserDeleted, envelope)) {
        await commands.execute(new ForgetUserCommand(UserDeleted.schema.parse(envelope.payload).userId));
      }
    },
  };
}
