import type { NavigationContext } from '@tall/lobby/domain';
import type { UserRole } from '@tall/profile/contracts';

/** The lobby's own data: roles learned from events, and where each user left off. */
export interface LobbyStore {
  roleOf(userId: string): Promise<UserRole | null>;
  /** Applies a role learned from an event, once per event; false when already applied. */
  learnRole(userId: string, role: UserRole, event: { id: string; handler: string }): Promise<boolean>;
  /** The user was erased: forget everything about them. */
  forget(userId: string): Promise<void>;
  context(userId: string): Promise<NavigationContext | null>;
  saveContext(userId: string, context: NavigationContext): Promise<void>;
}

export const LOBBY_STORE = Symbol('LOBBY_STORE');
/** Names of the modules this build contains (not only those hosted here): the rest are "coming soon". */
export const BUILT_MODULES = Symbol('BUILT_MODULES');
