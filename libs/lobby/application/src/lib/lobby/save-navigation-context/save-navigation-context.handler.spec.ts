import { randomUUID } from 'node:crypto';
import { MemoryLobbyStore } from '../../../test-support/memory-lobby-store';
import { LobbyError } from '../../lobby-error';
import { SaveNavigationContextCommand } from './save-navigation-context.command';
import { SaveNavigationContextHandler } from './save-navigation-context.handler';

describe('SaveNavigationContextHandler', () => {
  const userId = randomUUID();
  const principal = { userId, role: 'STUDENT' as const, sessionId: randomUUID() };

  it('remembers a product the learned role may open, and refuses any other', async () => {
    const store = new MemoryLobbyStore();
    const handler = new SaveNavigationContextHandler(store, ['profile', 'system']);
    await store.learnRole(userId, 'TECH_ADMIN', { id: randomUUID(), handler: 'lobby.learnRoles' });
    await handler.execute(new SaveNavigationContextCommand(principal, { product: 'users', location: '/admin/users' }));
    expect(await store.context(userId)).toMatchObject({ product: 'users', location: '/admin/users', at: expect.any(Date) });

    const refused = handler.execute(new SaveNavigationContextCommand(principal, { product: 'reader', location: '/read' }));
    await expect(refused).rejects.toBeInstanceOf(LobbyError);
    await expect(refused).rejects.toMatchObject({ code: 'PRODUCT_NOT_AVAILABLE', message: 'reader is not a product you can open' });
    expect((await store.context(userId))?.product).toBe('users');
  });

  it('refuses a product of the role whose module is not built', async () => {
    const handler = new SaveNavigationContextHandler(new MemoryLobbyStore(), ['profile', 'system']);
    await expect(handler.execute(new SaveNavigationContextCommand(principal, { product: 'thematic-cards', location: '/learn' }))).rejects.toMatchObject({ code: 'PRODUCT_NOT_AVAILABLE' });
  });
});
