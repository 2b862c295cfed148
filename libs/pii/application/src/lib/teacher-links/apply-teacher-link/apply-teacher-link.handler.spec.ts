import { InMemoryPii } from '../../testing/in-memory-pii';
import { ApplyTeacherLinkCommand } from './apply-teacher-link.command';
import { ApplyTeacherLinkHandler } from './apply-teacher-link.handler';

describe('ApplyTeacherLinkHandler', () => {
  it('links and unlinks, each event applied once', async () => {
    const store = new InMemoryPii();
    const handler = new ApplyTeacherLinkHandler(store);
    const link = { teacherId: 't-1', studentId: 's-1' };
    const linked = new ApplyTeacherLinkCommand({ eventId: 'e-1', handler: 'pii.teacherStudentLinks' }, link, true);
    expect(await handler.execute(linked)).toBe(true);
    expect(await store.linkedStudents('t-1', ['s-1'])).toEqual(new Set(['s-1']));
    expect(await handler.execute(new ApplyTeacherLinkCommand({ eventId: 'e-2', handler: 'pii.teacherStudentLinks' }, link, false))).toBe(true);
    expect(await handler.execute(linked)).toBe(false); // redelivered: not linked again
    expect(await store.linkedStudents('t-1', ['s-1'])).toEqual(new Set());
  });
});
