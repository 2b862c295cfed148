import { FakeReadStore, fixedClock, studentOfA, teacherA, who } from '../../../test-support/progress-read-fakes';
import { GetOwnRecordHandler } from './get-own-record.handler';
import { GetOwnRecordQuery } from './get-own-record.query';

describe('GetOwnRecordHandler', () => {
  it('gives a student their own record, and only students', async () => {
    const handler = new GetOwnRecordHandler(new FakeReadStore(), fixedClock);
    const ownRecord = (principal: ReturnType<typeof who>) => handler.execute(new GetOwnRecordQuery(principal));
    expect((await ownRecord(who('STUDENT', studentOfA))).activity.daysActive).toBe(0);
    expect((await ownRecord(who('STUDENT'))).activity.lastActiveAt).toBeNull();
    await expect(ownRecord(who('TEACHER', teacherA))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
