import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { LOBBY_STORE, type LobbyStore } from '../../ports/lobby-store.port';
import { LearnRoleCommand } from './learn-role.command';

/** The role and the event's inbox entry are written together, so a redelivered old event changes nothing. */
@CommandHandler(LearnRoleCommand)
export class LearnRoleHandler implements ICommandHandler<LearnRoleCommand> {
  constructor(@Inject(LOBBY_STORE) private readonly store: LobbyStore) {}

  execute({ userId, role, event }: LearnRoleCommand): Promise<boolean> {
    return this.store.learnRole(userId, role, event);
  }
}
