import { Inject, Injectable } from '@nestjs/common';
import type { UserDataSection } from '@tall/platform/call-contracts';
import type { Principal } from '@tall/platform/identity';
import type { LobbyView, UpdateNavigationContext } from '@tall/lobby/contracts';
import { lobbyView, mayOpen } from '@tall/lobby/domain';
import type { UserRole } from '@tall/profile/contracts';
import { BUILT_MODULES, LOBBY_STORE, type LobbyStore } from './lobby-store.port';

export class LobbyRefusal extends Error {
  constructor(readonly code: 'PRODUCT_NOT_AVAILABLE', message: string) {
    super(message);
    this.name = 'LobbyRefusal';
  }
}

/**
 * The lobby of the signed-in user. The role is the one learned from `user.events.v2`, so a role
 * change shows at once, before the user's access token is refreshed; the token's role serves
 * only until the lobby has heard of the user.
 */
@Injectable()
export class LobbyService {
  private readonly built: ReadonlySet<string>;

  constructor(
    @Inject(LOBBY_STORE) private readonly store: LobbyStore,
    @Inject(BUILT_MODULES) builtModules: readonly string[],
  ) {
    this.built = new Set(builtModules);
  }

  async view(principal: Principal): Promise<LobbyView> {
    const [role, context] = await Promise.all([this.roleOf(principal), this.store.context(principal.userId)]);
    return lobbyView(role, this.built, context);
  }

  async saveContext(principal: Principal, update: UpdateNavigationContext): Promise<void> {
    const role = await this.roleOf(principal);
    if (!mayOpen(role, update.product, this.built)) {
      throw new LobbyRefusal('PRODUCT_NOT_AVAILABLE', `${update.product} is not a product you can open`);
    }
    await this.store.saveContext(principal.userId, { product: update.product, location: update.location, at: new Date() });
  }

  async export(userId: string): Promise<UserDataSection> {
    const [role, context] = await Promise.all([this.store.roleOf(userId), this.store.context(userId)]);
    return {
      context: 'lobby',
      data: {
        ...(role ? { role } : {}),
        ...(context ? { lastVisited: { product: context.product, location: context.location, at: context.at.toISOString() } } : {}),
      },
      purposes: ['Showing you the products your role may open', 'Letting you continue where you left off'],
      retention: 'Until your role changes again or your account is erased; the last place visited is overwritten on every visit.',
      recipients: ['Only you'],
      ...(role || context ? {} : { statement: 'The lobby holds nothing about you.' }),
    };
  }

  private async roleOf(principal: Principal): Promise<UserRole> {
    return (await this.store.roleOf(principal.userId)) ?? principal.role;
  }
}
