import type { Principal } from '@tall/platform/identity';
import type { UserRole } from '@tall/profile/contracts';
import type { LobbyStore } from '../ports/lobby-store.port';

/**
 * The role learned from `user.events.v2`, so a role change shows at once, before the user's
 * access token is refreshed; the token's role serves only until the lobby has heard of the user.
 */
export async function lobbyRoleOf(store: LobbyStore, principal: Principal): Promise<UserRole> {
  return (await store.roleOf(principal.userId)) ?? principal.role;
}
