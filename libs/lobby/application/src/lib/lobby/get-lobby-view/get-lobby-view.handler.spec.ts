import { randomUUID } from 'node:crypto';
import { MemoryLobbyStore } from '../../../test-support/memory-lobby-store';
import { GetLobbyViewHandler } from './get-lobby-view.handler';
import { GetLobbyViewQuery } from './get-lobby-view.query';

describe('GetLobbyViewHandler', () => {
  const userId = randomUUID();
  const principal = { userId, role: 'STUDENT' as const, sessionId: randomUUID() };

  it('uses the role learned from events over the one in the token', async () => {
    const store = new MemoryLobbyStore();
    const handler = new GetLobbyViewHandler(store, ['profile', 'system']);
    expect((await handler.execute(new GetLobbyViewQuery(principal))).products[0].key).toBe('thematic-cards');
    await store.learnRole(userId, 'TECH_ADMIN', { id: randomUUID(), handler: 'lobby.learnRoles' });
    expect((await handler.execute(new GetLobbyViewQuery(principal))).products.map((product) => product.key)).toEqual(['operations', 'users']);
  });

  it('shows products of modules not built as coming soon, and offers to continue only where the user may still go', async () => {
    const store = new MemoryLobbyStore();
    const handler = new GetLobbyViewHandler(store, ['profile', 'system']);
    await store.learnRole(userId, 'TECH_ADMIN', { id: randomUUID(), handler: 'lobby.learnRoles' });
    const at = new Date('2026-05-01T08:00:00Z');
    await store.saveContext(userId, { product: 'users', location: '/admin/users', at });
    expect(await handler.execute(new GetLobbyViewQuery(principal))).toMatchObject({ continue: { product: 'users', location: '/admin/users', at: at.toISOString() } });
    await store.learnRole(userId, 'STUDENT', { id: randomUUID(), handler: 'lobby.learnRoles' });
    const view = await handler.execute(new GetLobbyViewQuery(principal));
    expect(view.continue).toBeUndefined();
    expect(view.products.every((product) => product.comingSoon)).toBe(true);
  });
});
