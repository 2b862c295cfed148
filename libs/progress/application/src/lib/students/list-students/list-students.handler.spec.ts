import { StudentListQuerySchema } from '@tall/progress/contracts';
import { FakeNames, FakeReadStore, fixedClock, now, RecordingLogger, studentOfA, teacherA, teacherB, who } from '../../../test-support/progress-read-fakes';
import { ProgressError } from '../../progress-error';
import { ListStudentsHandler } from './list-students.handler';
import { ListStudentsQuery } from './list-students.query';

function setup() {
  const store = new FakeReadStore();
  const names = new FakeNames();
  const logger = new RecordingLogger();
  const handler = new ListStudentsHandler(store, names, fixedClock, logger);
  const list = (principal: ReturnType<typeof who>, query: unknown) => handler.execute(new ListStudentsQuery(principal, StudentListQuerySchema.parse(query)));
  return { store, names, logger, list };
}

describe('ListStudentsHandler', () => {
  it('lists a teacher’s own students with names for the page shown and today’s values', async () => {
    const { list, store, names } = setup();
    const page = await list(who('TEACHER', teacherA), { sort: 'streak' });
    expect(store.requests[0]).toMatchObject({ scope: { kind: 'teacher', teacherId: teacherA }, sort: 'streak', order: 'desc', page: 1, pageSize: 25 });
    expect(names.asked).toEqual([[studentOfA]]);
    expect(page).toMatchObject({ total: 1, page: 1, pageSize: 25, namesUnavailable: false, today: '2026-05-13', week: '2026-W20', asOf: now.toISOString() });
    expect(page.items).toEqual([expect.objectContaining({ studentId: studentOfA, name: { firstName: 'Eva', lastName: expect.any(String) }, streak: 4, masteredThisWeek: 2, inactive: false })]);
  });

  it('refuses a teacher naming another teacher, lets an admin filter by teacher or see everyone', async () => {
    const { list, store } = setup();
    await expect(list(who('TEACHER', teacherA), { teacherId: teacherB })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await list(who('TEACHER', teacherA), { teacherId: teacherA })).total).toBe(1);
    expect((await list(who('EDU_ADMIN'), {})).total).toBe(2);
    await list(who('EDU_ADMIN'), { teacherId: teacherB });
    expect(store.requests.at(-1)?.scope).toEqual({ kind: 'teacher', teacherId: teacherB });
    for (const role of ['STUDENT', 'TECH_ADMIN'] as const) {
      await expect(list(who(role), {})).rejects.toBeInstanceOf(ProgressError);
    }
  });

  it('answers without names, flagged, when pii is down', async () => {
    const { list, names, logger } = setup();
    names.down = true;
    const page = await list(who('EDU_ADMIN'), {});
    expect(page.namesUnavailable).toBe(true);
    expect(page.items.map((item) => item.name)).toEqual([null, null]);
    expect(logger.warnings).toEqual(['student names unavailable']);
  });
});
