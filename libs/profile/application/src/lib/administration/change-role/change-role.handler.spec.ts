import { TeacherStudentUnlinked, UserRoleChanged } from '@tall/profile/contracts';
import { FakeClock, InMemoryProfileStore } from '../../testing/in-memory-profile';
import { ChangeRoleCommand } from './change-role.command';
import { ChangeRoleHandler } from './change-role.handler';

const ADMIN_ID = '00000000-0000-4000-8000-000000000001';
const OTHER_ADMIN_ID = '00000000-0000-4000-8000-000000000002';
const DISABLED_ADMIN_ID = '00000000-0000-4000-8000-000000000003';
const TEACHER_ID = '00000000-0000-4000-8000-000000000004';
const STUDENT_ID = '00000000-0000-4000-8000-000000000005';
const EDU_ADMIN_ID = '00000000-0000-4000-8000-000000000006';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000007';
const ERASED_ID = '00000000-0000-4000-8000-000000000008';

describe('ChangeRoleHandler', () => {
  const techAdmin = { userId: ADMIN_ID, role: 'TECH_ADMIN' as const };
  const eduAdmin = { userId: EDU_ADMIN_ID, role: 'EDU_ADMIN' as const };

  function setup() {
    const store = new InMemoryProfileStore();
    store.addUser({ id: ADMIN_ID, role: 'TECH_ADMIN' });
    store.addUser({ id: OTHER_ADMIN_ID, role: 'TECH_ADMIN' });
    store.addUser({ id: TEACHER_ID, role: 'TEACHER' });
    store.addUser({ id: STUDENT_ID, role: 'STUDENT' });
    return { store, handler: new ChangeRoleHandler(store, new FakeClock()) };
  }

  it('moves a teacher to student, taking the links that no longer hold with it', async () => {
    const { store, handler } = setup();
    await store.transaction((tx) => tx.links.link(TEACHER_ID, STUDENT_ID, new Date()));
    await expect(handler.execute(new ChangeRoleCommand(eduAdmin, TEACHER_ID, 'STUDENT'))).resolves.toMatchObject({ id: TEACHER_ID, role: 'STUDENT' });
    expect(store.links).toEqual([]);
    expect(store.eventsOfType(UserRoleChanged.type).map((event) => event.payload)).toEqual([{ userId: TEACHER_ID, previousRole: 'TEACHER', role: 'STUDENT' }]);
    expect(store.eventsOfType(TeacherStudentUnlinked.type).map((event) => event.payload)).toEqual([
      { teacherId: TEACHER_ID, studentId: STUDENT_ID, reason: 'roleChanged' },
    ]);
  });

  it('keeps one active TECH_ADMIN and refuses changing one\'s own role', async () => {
    const { store, handler } = setup();
    await handler.execute(new ChangeRoleCommand(techAdmin, OTHER_ADMIN_ID, 'TEACHER'));
    store.addUser({ id: DISABLED_ADMIN_ID, role: 'TECH_ADMIN', status: 'disabled' });
    await expect(handler.execute(new ChangeRoleCommand({ userId: DISABLED_ADMIN_ID, role: 'TECH_ADMIN' }, ADMIN_ID, 'TEACHER'))).rejects.toMatchObject({
      code: 'LAST_TECH_ADMIN',
    });
    await expect(handler.execute(new ChangeRoleCommand(techAdmin, ADMIN_ID, 'TEACHER'))).rejects.toMatchObject({ code: 'OWN_ACCOUNT' });
  });

  it('lets an EDU_ADMIN_ID move accounts only between teacher and student', async () => {
    const { handler } = setup();
    await expect(handler.execute(new ChangeRoleCommand(eduAdmin, STUDENT_ID, 'EDU_ADMIN'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(handler.execute(new ChangeRoleCommand(eduAdmin, OTHER_ADMIN_ID, 'TEACHER'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('tells unknown accounts from erased ones', async () => {
    const { store, handler } = setup();
    store.addUser({ id: ERASED_ID, role: 'STUDENT', status: 'deleted' });
    await expect(handler.execute(new ChangeRoleCommand(techAdmin, UNKNOWN_ID, 'TEACHER'))).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
    await expect(handler.execute(new ChangeRoleCommand(techAdmin, ERASED_ID, 'TEACHER'))).rejects.toMatchObject({ code: 'USER_DELETED' });
  });
});
