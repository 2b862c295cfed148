import { randomUUID } from 'node:crypto';
import type { Principal } from '@tall/platform/identity';
import { StudentCsvQuerySchema, StudentListQuerySchema } from '@tall/progress/contracts';
import { EMPTY_ACTIVITY, type StudentRecordState, type StudentRowState, type Today } from '@tall/progress/domain';
import type { DisplayName, DisplayNames, ProgressReadStore, StudentPageRequest } from './progress-ports';
import { ProgressQueries } from './progress-queries';
import { ProgressRefusal } from './progress-refusal';

const teacherA = randomUUID();
const teacherB = randomUUID();
const studentOfA = randomUUID();
const studentOfB = randomUUID();

class FakeStore implements ProgressReadStore {
  readonly links = new Map<string, string[]>([
    [teacherA, [studentOfA]],
    [teacherB, [studentOfB]],
  ]);
  readonly requests: StudentPageRequest[] = [];
  readonly rows = new Map<string, StudentRowState>(
    [studentOfA, studentOfB].map((studentId) => [studentId, { ...EMPTY_ACTIVITY, studentId, masteredThisWeek: 2, lastActiveAt: new Date('2026-05-12T10:00:00Z'), runEndDay: '2026-05-12', runLength: 4 }]),
  );

  async studentPage(request: StudentPageRequest) {
    this.requests.push(request);
    const ids = request.scope.kind === 'teacher' ? (this.links.get(request.scope.teacherId) ?? []) : [...this.rows.keys()];
    const rows = ids.flatMap((id) => this.rows.get(id) ?? []);
    return { rows, total: rows.length };
  }
  async record(studentId: string, _at: Today): Promise<StudentRecordState> {
    const row = this.rows.get(studentId);
    return { studentId, activity: row ?? null, days: [], weeklyMastery: [], topics: [], learningCards: [], learningWeeks: [], results: [] };
  }
  async isLinked(teacherId: string, studentId: string) {
    return this.links.get(teacherId)?.includes(studentId) ?? false;
  }
  async isStudent(studentId: string) {
    return this.rows.has(studentId);
  }
  async exportUser(userId: string) {
    return this.rows.has(userId) ? { activity: { reviews: 1 } } : null;
  }
}

class FakeNames implements DisplayNames {
  down = false;
  readonly asked: string[][] = [];
  async namesOf(ids: readonly string[]): Promise<Map<string, DisplayName>> {
    this.asked.push([...ids]);
    if (this.down) throw new Error('pii is down');
    return new Map(ids.filter((id) => id !== studentOfB).map((id) => [id, { firstName: 'Eva', lastName: `Student ${id.slice(0, 4)}` }]));
  }
}

const who = (role: Principal['role'], userId = randomUUID()): Principal => ({ userId, role, sessionId: randomUUID() });
const now = new Date('2026-05-13T08:00:00Z');

function setup() {
  const store = new FakeStore();
  const names = new FakeNames();
  return { store, names, queries: new ProgressQueries(store, names, () => now) };
}

describe('ProgressQueries', () => {
  it('lists a teacher’s own students with names for the page shown and today’s values', async () => {
    const { queries, store, names } = setup();
    const list = await queries.students(who('TEACHER', teacherA), StudentListQuerySchema.parse({ sort: 'streak' }));
    expect(store.requests[0]).toMatchObject({ scope: { kind: 'teacher', teacherId: teacherA }, sort: 'streak', order: 'desc', page: 1, pageSize: 25 });
    expect(names.asked).toEqual([[studentOfA]]);
    expect(list).toMatchObject({ total: 1, page: 1, pageSize: 25, namesUnavailable: false, today: '2026-05-13', week: '2026-W20', asOf: now.toISOString() });
    expect(list.items).toEqual([expect.objectContaining({ studentId: studentOfA, name: { firstName: 'Eva', lastName: expect.any(String) }, streak: 4, masteredThisWeek: 2, inactive: false })]);
  });

  it('refuses a teacher naming another teacher, lets an admin filter by teacher or see everyone', async () => {
    const { queries, store } = setup();
    await expect(queries.students(who('TEACHER', teacherA), StudentListQuerySchema.parse({ teacherId: teacherB }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await queries.students(who('TEACHER', teacherA), StudentListQuerySchema.parse({ teacherId: teacherA }))).total).toBe(1);
    expect((await queries.students(who('EDU_ADMIN'), StudentListQuerySchema.parse({}))).total).toBe(2);
    await queries.students(who('EDU_ADMIN'), StudentListQuerySchema.parse({ teacherId: teacherB }));
    expect(store.requests.at(-1)?.scope).toEqual({ kind: 'teacher', teacherId: teacherB });
    for (const role of ['STUDENT', 'TECH_ADMIN'] as const) {
      await expect(queries.students(who(role), StudentListQuerySchema.parse({}))).rejects.toBeInstanceOf(ProgressRefusal);
    }
  });

  it('answers without names, flagged, when pii is down', async () => {
    const { queries, names } = setup();
    names.down = true;
    const list = await queries.students(who('EDU_ADMIN'), StudentListQuerySchema.parse({}));
    expect(list.namesUnavailable).toBe(true);
    expect(list.items.map((item) => item.name)).toEqual([null, null]);
  });

  it('gives a teacher the record of their own student only; any other id is 404, like an unknown one', async () => {
    const { queries } = setup();
    const record = await queries.studentRecord(who('TEACHER', teacherA), studentOfA);
    expect(record).toMatchObject({ studentId: studentOfA, name: { firstName: 'Eva' }, namesUnavailable: false, activity: { streak: 4 } });
    for (const id of [studentOfB, randomUUID()]) {
      await expect(queries.studentRecord(who('TEACHER', teacherA), id)).rejects.toMatchObject({ code: 'STUDENT_NOT_FOUND' });
    }
    expect((await queries.studentRecord(who('EDU_ADMIN'), studentOfB)).name).toBeNull(); // pii left the name out
    await expect(queries.studentRecord(who('EDU_ADMIN'), randomUUID())).rejects.toMatchObject({ code: 'STUDENT_NOT_FOUND' });
    await expect(queries.studentRecord(who('STUDENT', studentOfA), studentOfA)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('gives a student their own record, and only students', async () => {
    const { queries } = setup();
    expect((await queries.ownRecord(who('STUDENT', studentOfA))).activity.daysActive).toBe(0);
    expect((await queries.ownRecord(who('STUDENT'))).activity.lastActiveAt).toBeNull();
    await expect(queries.ownRecord(who('TEACHER', teacherA))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('exports the CSV of the same table, named after today', async () => {
    const { queries } = setup();
    const csv = await queries.studentsCsv(who('TEACHER', teacherA), StudentCsvQuerySchema.parse({}));
    expect(csv.filename).toBe('students-2026-05-13.csv');
    expect(csv.body.split('\r\n')[1]).toContain(studentOfA);
  });

  it('contributes a GDPR section, with a statement when it holds nothing', async () => {
    const { queries } = setup();
    expect(await queries.exportSection(studentOfA)).toMatchObject({ context: 'progress', data: { activity: { reviews: 1 } } });
    expect(await queries.exportSection(randomUUID())).toMatchObject({ context: 'progress', data: {}, statement: expect.any(String) });
  });
});
