import { randomUUID } from 'node:crypto';
import { FakeNames, FakeReadStore, fixedClock, RecordingLogger, studentOfA, studentOfB, teacherA, who } from '../../../test-support/progress-read-fakes';
import { GetStudentRecordHandler } from './get-student-record.handler';
import { GetStudentRecordQuery } from './get-student-record.query';

describe('GetStudentRecordHandler', () => {
  const names = new FakeNames();
  const handler = new GetStudentRecordHandler(new FakeReadStore(), names, fixedClock, new RecordingLogger());
  const recordOf = (principal: ReturnType<typeof who>, studentId: string) => handler.execute(new GetStudentRecordQuery(principal, studentId));

  it('gives a teacher the record of their own student only; any other id is 404, like an unknown one', async () => {
    const record = await recordOf(who('TEACHER', teacherA), studentOfA);
    expect(record).toMatchObject({ studentId: studentOfA, name: { firstName: 'Eva' }, namesUnavailable: false, activity: { streak: 4 } });
    for (const id of [studentOfB, randomUUID()]) {
      await expect(recordOf(who('TEACHER', teacherA), id)).rejects.toMatchObject({ code: 'STUDENT_NOT_FOUND', message: 'Student not found' });
    }
    expect((await recordOf(who('EDU_ADMIN'), studentOfB)).name).toBeNull(); // pii left the name out
    await expect(recordOf(who('EDU_ADMIN'), randomUUID())).rejects.toMatchObject({ code: 'STUDENT_NOT_FOUND' });
    await expect(recordOf(who('STUDENT', studentOfA), studentOfA)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
