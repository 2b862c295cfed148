import { randomUUID } from 'node:crypto';
import { MemoryLobbyStore } from '../../../test-support/memory-lobby-store';
import { ForgetUserCommand } from './forget-user.command';
import { ForgetUserHandler } from './forget-user.handler';

describe('ForgetUserHandler', () => {
  it('forgets the role and the last place visited of an erased user, and only theirs', async () => {
    const store = new MemoryLobbyStore();
    const [erased, other] = [randomUUID(), randomUUID()];
    for (const userId of [erased, other]) {
      await store.learnRole(userId, 'TEACHER', { id: randomUUID(), handler: 'lobby.learnRoles' });
      await store.saveContext(userId, { product: 'my-students', location: '/teacher/students', at: new Date() });
    }
    await new ForgetUserHandler(store).execute(new ForgetUserCommand(erased));
    expect([await store.roleOf(erased), await store.context(erased)]).toEqual([null, null]);
    expect(await store.roleOf(other)).toBe('TEACHER');
    expect(await store.context(other)).not.toBeNull();
  });
});
