import { StudentCsvQuerySchema } from '@tall/progress/contracts';
import { FakeNames, FakeReadStore, fixedClock, RecordingLogger, studentOfA, teacherA, teacherB, who } from '../../../test-support/progress-read-fakes';
import { ListStudentsHandler } from '../list-students/list-students.handler';
import { ExportStudentsCsvHandler } from './export-students-csv.handler';
import { ExportStudentsCsvQuery } from './export-students-csv.query';

function setup() {
  const store = new FakeReadStore();
  const names = new FakeNames();
  return { store, names, handler: new ExportStudentsCsvHandler(new ListStudentsHandler(store, names, fixedClock, new RecordingLogger())) };
}

describe('ExportStudentsCsvHandler', () => {
  it('exports the CSV of the same table, named after today', async () => {
    const { handler, store } = setup();
    const csv = await handler.execute(new ExportStudentsCsvQuery(who('TEACHER', teacherA), StudentCsvQuerySchema.parse({})));
    expect(csv.filename).toBe('students-2026-05-13.csv');
    expect(csv.body.split('\r\n')[1]).toContain(studentOfA);
    expect(csv.namesUnavailable).toBe(false);
    expect(store.requests[0]).toMatchObject({ scope: { kind: 'teacher', teacherId: teacherA }, pageSize: 500 });
  });

  it('has the table’s rights and its pii fallback', async () => {
    const { handler, names } = setup();
    await expect(handler.execute(new ExportStudentsCsvQuery(who('TEACHER', teacherA), StudentCsvQuerySchema.parse({ teacherId: teacherB })))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    names.down = true;
    const csv = await handler.execute(new ExportStudentsCsvQuery(who('EDU_ADMIN'), StudentCsvQuerySchema.parse({})));
    expect(csv.namesUnavailable).toBe(true);
    expect(csv.body.split('\r\n')).toHaveLength(4);
  });
});
