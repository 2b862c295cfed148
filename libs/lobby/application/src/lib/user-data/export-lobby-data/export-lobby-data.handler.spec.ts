import { randomUUID } from 'node:crypto';
import { MemoryLobbyStore } from '../../../test-support/memory-lobby-store';
import { ExportLobbyDataHandler } from './export-lobby-data.handler';
import { ExportLobbyDataQuery } from './export-lobby-data.query';

describe('ExportLobbyDataHandler', () => {
  it('exports the learned role and the last place visited, and says so when it holds nothing', async () => {
    const store = new MemoryLobbyStore();
    const handler = new ExportLobbyDataHandler(store);
    const userId = randomUUID();
    await store.learnRole(userId, 'TECH_ADMIN', { id: randomUUID(), handler: 'lobby.learnRoles' });
    await store.saveContext(userId, { product: 'users', location: '/admin/users', at: new Date('2026-05-01T08:00:00Z') });
    const section = await handler.execute(new ExportLobbyDataQuery(userId));
    expect(section).toMatchObject({ context: 'lobby', data: { role: 'TECH_ADMIN', lastVisited: { product: 'users', location: '/admin/users', at: '2026-05-01T08:00:00.000Z' } } });
    expect(section.statement).toBeUndefined();

    await store.forget(userId);
    expect(await handler.execute(new ExportLobbyDataQuery(userId))).toMatchObject({ context: 'lobby', data: {}, statement: 'The lobby holds nothing about you.' });
  });
});
