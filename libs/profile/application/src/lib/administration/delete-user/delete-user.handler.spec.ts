import { SessionRevoked, TeacherStudentUnlinked, UserDeleted } from '@tall/profile/contracts';
import { FakeClock, InMemoryProfileStore } from '../../testing/in-memory-profile';
import { AccountErasure } from '../account-erasure';
import { DeleteUserCommand } from './delete-user.command';
import { DeleteUserHandler } from './delete-user.handler';

const ADMIN_ID = '00000000-0000-4000-8000-000000000001';
const OTHER_ADMIN_ID = '00000000-0000-4000-8000-000000000002';
const TEACHER_ID = '00000000-0000-4000-8000-000000000003';
const STUDENT_ID = '00000000-0000-4000-8000-000000000004';
const EDU_ADMIN_ID = '00000000-0000-4000-8000-000000000005';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000006';
const SESSION_ID = '00000000-0000-4000-8000-000000000007';

describe('DeleteUserHandler', () => {
  const techAdmin = { userId: ADMIN_ID, role: 'TECH_ADMIN' as const };

  function setup() {
    const store = new InMemoryProfileStore();
    const clock = new FakeClock();
    store.addUser({ id: ADMIN_ID, role: 'TECH_ADMIN' });
    store.addUser({ id: TEACHER_ID, role: 'TEACHER', passwordHash: 'hashed:x' });
    store.addUser({ id: STUDENT_ID, role: 'STUDENT' });
    return { store, clock, handler: new DeleteUserHandler(store, new AccountErasure(clock)) };
  }

  it('erases the account: no email index or hash left, sessions and links ended, user.deleted published', async () => {
    const { store, clock, handler } = setup();
    await store.transaction(async (tx) => {
      await tx.links.link(TEACHER_ID, STUDENT_ID, clock.now());
      await tx.sessions.create({ id: SESSION_ID, userId: TEACHER_ID, deviceId: null, deviceName: null, createdAt: clock.now(), expiresAt: new Date(clock.now().getTime() + 60_000) });
    });
    await handler.execute(new DeleteUserCommand(techAdmin, TEACHER_ID));
    expect(store.users.get(TEACHER_ID)).toMatchObject({ status: 'deleted', emailIndex: null, passwordHash: null });
    expect(store.links).toEqual([]);
    expect(store.eventsOfType(SessionRevoked.type).map((event) => event.payload)).toEqual([{ userId: TEACHER_ID, sessionId: SESSION_ID, reason: 'accountDeleted' }]);
    expect(store.eventsOfType(TeacherStudentUnlinked.type).map((event) => event.payload)).toEqual([
      { teacherId: TEACHER_ID, studentId: STUDENT_ID, reason: 'userDeleted' },
    ]);
    expect(store.eventsOfType(UserDeleted.type).map((event) => event.payload)).toEqual([
      { userId: TEACHER_ID, role: 'TEACHER', deletedAt: clock.now().toISOString() },
    ]);
  });

  it('answers an account already erased with USER_DELETED, and publishes nothing again', async () => {
    const { store, handler } = setup();
    await handler.execute(new DeleteUserCommand(techAdmin, STUDENT_ID));
    await expect(handler.execute(new DeleteUserCommand(techAdmin, STUDENT_ID))).rejects.toMatchObject({ code: 'USER_DELETED' });
    expect(store.eventsOfType(UserDeleted.type)).toHaveLength(1);
  });

  it('refuses other roles than TECH_ADMIN, one\'s own account and the last TECH_ADMIN', async () => {
    const { store, handler } = setup();
    await expect(handler.execute(new DeleteUserCommand({ userId: EDU_ADMIN_ID, role: 'EDU_ADMIN' }, STUDENT_ID))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(handler.execute(new DeleteUserCommand(techAdmin, ADMIN_ID))).rejects.toMatchObject({ code: 'OWN_ACCOUNT' });
    store.addUser({ id: OTHER_ADMIN_ID, role: 'TECH_ADMIN', status: 'disabled' });
    await expect(handler.execute(new DeleteUserCommand({ userId: OTHER_ADMIN_ID, role: 'TECH_ADMIN' }, ADMIN_ID))).rejects.toMatchObject({ code: 'LAST_TECH_ADMIN' });
    await expect(handler.execute(new DeleteUserCommand(techAdmin, UNKNOWN_ID))).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
  });
});
