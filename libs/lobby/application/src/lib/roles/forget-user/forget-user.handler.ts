import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { LOBBY_STORE, type LobbyStore } from '../../ports/lobby-store.port';
import { ForgetUserCommand } from './forget-user.command';

/** Idempotent without an inbox: forgetting twice leaves the same nothing. */
@CommandHandler(ForgetUserCommand)
export class ForgetUserHandler implements ICommandHandler<ForgetUserCommand> {
  constructor(@Inject(LOBBY_STORE) private readonly store: LobbyStore) {}

  execute({ userId }: ForgetUserCommand): Promise<void> {
    return this.store.forget(userId);
  }
}
