import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { mayOpen } from '@tall/lobby/domain';
import { LobbyError } from '../../lobby-error';
import { BUILT_MODULES, LOBBY_STORE, type LobbyStore } from '../../ports/lobby-store.port';
import { lobbyRoleOf } from '../lobby-role';
import { SaveNavigationContextCommand } from './save-navigation-context.command';

/** Only a product the user may open now is remembered, so "continue" never leads to one they cannot. */
@CommandHandler(SaveNavigationContextCommand)
export class SaveNavigationContextHandler implements ICommandHandler<SaveNavigationContextCommand> {
  private readonly built: ReadonlySet<string>;

  constructor(
    @Inject(LOBBY_STORE) private readonly store: LobbyStore,
    @Inject(BUILT_MODULES) builtModules: readonly string[],
  ) {
    this.built = new Set(builtModules);
  }

  async execute({ principal, update }: SaveNavigationContextCommand): Promise<void> {
    const role = await lobbyRoleOf(this.store, principal);
    if (!mayOpen(role, update.product, this.built)) {
      throw new LobbyError('PRODUCT_NOT_AVAILABLE', `${update.product} is not a product you can open`);
    }
    await this.store.saveContext(principal.userId, { product: update.product, location: update.location, at: new Date() });
  }
}
