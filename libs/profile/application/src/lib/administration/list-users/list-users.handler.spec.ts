import { FakePersonalData, InMemoryProfileStore } from '../../testing/in-memory-profile';
import { ListUsersQuery } from './list-users.query';
import { ListUsersHandler } from './list-users.handler';

const ADMIN_ID = '00000000-0000-4000-8000-000000000001';
const TEACHER_ID = '00000000-0000-4000-8000-000000000002';
const PENDING_ID = '00000000-0000-4000-8000-000000000003';
const EDU_ADMIN_ID = '00000000-0000-4000-8000-000000000004';

describe('ListUsersHandler', () => {
  function setup() {
    const store = new InMemoryProfileStore();
    const personal = new FakePersonalData();
    const logger = { warn: jest.fn() };
    store.addUser({ id: ADMIN_ID, role: 'TECH_ADMIN' });
    store.addUser({ id: TEACHER_ID, role: 'TEACHER' });
    store.addUser({ id: PENDING_ID, role: 'STUDENT', status: 'pending' });
    personal.people.set(TEACHER_ID, { firstName: 'Grace', lastName: 'Hopper', email: 'grace@school.example' });
    return { store, personal, logger, handler: new ListUsersHandler(store, personal, logger) };
  }

  it('lists what the actor may manage, with names from pii', async () => {
    const { handler } = setup();
    const list = await handler.execute(new ListUsersQuery({ userId: EDU_ADMIN_ID, role: 'EDU_ADMIN' }, {}));
    expect(list).toEqual({
      items: [{ id: TEACHER_ID, role: 'TEACHER', status: 'active', createdAt: expect.any(String), firstName: 'Grace', lastName: 'Hopper' }],
      page: 1,
      pageSize: 50,
      total: 1,
    });
    await expect(handler.execute(new ListUsersQuery({ userId: EDU_ADMIN_ID, role: 'EDU_ADMIN' }, { role: 'TECH_ADMIN' }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('still lists, without names, when pii cannot answer', async () => {
    const { personal, logger, handler } = setup();
    personal.namesUnavailable = true;
    const list = await handler.execute(new ListUsersQuery({ userId: ADMIN_ID, role: 'TECH_ADMIN' }, { role: 'TEACHER' }));
    expect(list.items).toEqual([expect.objectContaining({ id: TEACHER_ID, firstName: null, lastName: null })]);
    expect(logger.warn).toHaveBeenCalledWith({ err: 'pii is unavailable' }, 'names unavailable for the user list');
  });
});
