import { InMemoryProfileStore } from '../../testing/in-memory-profile';
import { ListStudentsQuery } from './list-students.query';
import { ListStudentsHandler } from './list-students.handler';

const TEACHER_ID = '00000000-0000-4000-8000-000000000001';
const OTHER_TEACHER_ID = '00000000-0000-4000-8000-000000000002';
const STUDENT_ID = '00000000-0000-4000-8000-000000000003';
const EDU_ADMIN_ID = '00000000-0000-4000-8000-000000000004';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000005';

describe('ListStudentsHandler', () => {
  function setup() {
    const store = new InMemoryProfileStore();
    store.addUser({ id: TEACHER_ID, role: 'TEACHER' });
    store.addUser({ id: OTHER_TEACHER_ID, role: 'TEACHER' });
    store.addUser({ id: STUDENT_ID, role: 'STUDENT', status: 'disabled' });
    return { store, handler: new ListStudentsHandler(store) };
  }

  it("shows a teacher their own students, and an admin anyone's", async () => {
    const { store, handler } = setup();
    await store.transaction((tx) => tx.links.link(TEACHER_ID, STUDENT_ID, new Date('2026-02-01T08:00:00Z')));
    const expected = { teacherId: TEACHER_ID, items: [{ id: STUDENT_ID, status: 'disabled', linkedAt: '2026-02-01T08:00:00.000Z' }] };
    await expect(handler.execute(new ListStudentsQuery({ userId: TEACHER_ID, role: 'TEACHER' }, TEACHER_ID))).resolves.toEqual(expected);
    await expect(handler.execute(new ListStudentsQuery({ userId: EDU_ADMIN_ID, role: 'EDU_ADMIN' }, TEACHER_ID))).resolves.toEqual(expected);
  });

  it("refuses another teacher's students before any lookup, so the answer never tells whether that id exists", async () => {
    const { store, handler } = setup();
    const asTeacher = { userId: TEACHER_ID, role: 'TEACHER' as const };
    await expect(handler.execute(new ListStudentsQuery(asTeacher, OTHER_TEACHER_ID))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(handler.execute(new ListStudentsQuery(asTeacher, UNKNOWN_ID))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(store.accesses).toBe(0);
    await expect(handler.execute(new ListStudentsQuery({ userId: EDU_ADMIN_ID, role: 'EDU_ADMIN' }, STUDENT_ID))).rejects.toMatchObject({ code: 'TEACHER_NOT_FOUND' });
  });
});
