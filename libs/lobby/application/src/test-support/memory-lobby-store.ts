import type { NavigationContext } from '@tall/lobby/domain';
import type { UserRole } from '@tall/profile/contracts';
import type { LobbyStore } from '../lib/ports/lobby-store.port';

/** The lobby's store in memory, with its per-event inbox, for the handlers' tests. */
export class MemoryLobbyStore implements LobbyStore {
  roles = new Map<string, UserRole>();
  contexts = new Map<string, NavigationContext>();
  seen = new Set<string>();
  async roleOf(userId: string) {
    return this.roles.get(userId) ?? null;
  }
  async learnRole(userId: string, role: UserRole, event: { id: string; handler: string }) {
    if (this.seen.has(event.id)) return false;
    this.seen.add(event.id);
    this.roles.set(userId, role);
    return true;
  }
  async forget(userId: string) {
    this.roles.delete(userId);
    this.contexts.delete(userId);
  }
  async context(userId: string) {
    return this.contexts.get(userId) ?? null;
  }
  async saveContext(userId: string, context: NavigationContext) {
    this.contexts.set(userId, context);
  }
}
