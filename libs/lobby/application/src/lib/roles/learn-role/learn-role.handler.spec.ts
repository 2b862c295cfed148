import { randomUUID } from 'node:crypto';
import { MemoryLobbyStore } from '../../../test-support/memory-lobby-store';
import { LearnRoleCommand } from './learn-role.command';
import { LearnRoleHandler } from './learn-role.handler';

describe('LearnRoleHandler', () => {
  it('applies a role once per event: a redelivered old event does not undo a later change', async () => {
    const store = new MemoryLobbyStore();
    const handler = new LearnRoleHandler(store);
    const userId = randomUUID();
    const created = { id: randomUUID(), handler: 'lobby.learnRoles' };
    expect(await handler.execute(new LearnRoleCommand(userId, 'STUDENT', created))).toBe(true);
    expect(await handler.execute(new LearnRoleCommand(userId, 'TEACHER', { id: randomUUID(), handler: 'lobby.learnRoles' }))).toBe(true);
    expect(await handler.execute(new LearnRoleCommand(userId, 'STUDENT', created))).toBe(false);
    expect(await store.roleOf(userId)).toBe('TEACHER');
  });
});
