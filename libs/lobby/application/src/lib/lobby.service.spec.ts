import { randomUUID } from 'node:crypto';
import type { NavigationContext } from '@tall/lobby/domain';
import type { UserRole } from '@tall/profile/contracts';
import { createEvent } from '@tall/platform/event-contracts';
import { UserCreated, UserDeleted, UserRoleChanged } from '@tall/profile/contracts';
import { lobbyRolesHandler } from './lobby-roles.handler';
import type { LobbyStore } from './lobby-store.port';
import { LobbyRefusal, LobbyService } from './lobby.service';

class MemoryLobbyStore implements LobbyStore {
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

describe('LobbyService and the role handler', () => {
  const userId = randomUUID();
  const principal = { userId, role: 'STUDENT' as const, sessionId: randomUUID() };
  const meta = { key: userId, correlationId: 'test' };

  it('uses the role learned from events over the one in the token', async () => {
    const store = new MemoryLobbyStore();
    const lobby = new LobbyService(store, ['profile', 'system']);
    expect((await lobby.view(principal)).products[0].key).toBe('thematic-cards');
    const handler = lobbyRolesHandler(store);
    await handler.handle(createEvent(UserCreated, { userId, role: 'STUDENT', origin: 'registration', createdAt: new Date().toISOString() }, meta));
    await handler.handle(createEvent(UserRoleChanged, { userId, previousRole: 'STUDENT', role: 'TECH_ADMIN' }, meta));
    expect((await lobby.view(principal)).products.map((product) => product.key)).toEqual(['operations', 'users']);
    await lobby.saveContext(principal, { product: 'users', location: '/admin/users' });
    await expect(lobby.saveContext(principal, { product: 'reader', location: '/read' })).rejects.toBeInstanceOf(LobbyRefusal);
    expect((await lobby.export(userId)).data).toMatchObject({ role: 'TECH_ADMIN', lastVisited: { product: 'users' } });

    await handler.handle(createEvent(UserDeleted, { userId, role: 'TECH_ADMIN', deletedAt: new Date().toISOString() }, meta));
    expect(await store.roleOf(userId)).toBeNull();
    expect((await lobby.export(userId)).statement).toBeDefined();
  });
});
