import { accessorOf, decideRead, needsSubjectRole, type Reader } from './read-policy';

const all = ['firstName', 'lastName', 'email'] as const;
const names = ['firstName', 'lastName'] as const;
const subject = 'student-1';

/** `role` null: pii has not learned the subject's role (yet). */
const decide = (reader: Reader, linked = false, role: string | null = 'STUDENT') => decideRead(reader, { id: subject, role: role ?? undefined }, all, names, linked);
const admin = (role: string): Reader => ({ kind: 'user', userId: 'admin', role });

describe('who may read whose personal data', () => {
  it('lets a TECH_ADMIN read everything of anyone, whether or not pii knows their role yet', () => {
    for (const role of ['TECH_ADMIN', 'EDU_ADMIN', 'TEACHER', 'STUDENT', null]) {
      expect(decide(admin('TECH_ADMIN'), false, role)).toEqual({ allowed: true, fields: all });
    }
  });

  it('lets an EDU_ADMIN read everything of teachers and students only, as profile lets them administer', () => {
    expect(decide(admin('EDU_ADMIN'), false, 'STUDENT')).toEqual({ allowed: true, fields: all });
    expect(decide(admin('EDU_ADMIN'), false, 'TEACHER')).toEqual({ allowed: true, fields: all });
    expect(decide(admin('EDU_ADMIN'), false, 'TECH_ADMIN')).toEqual({ allowed: false });
    expect(decide(admin('EDU_ADMIN'), false, 'EDU_ADMIN')).toEqual({ allowed: false });
    // A role not learned yet is not taken for allowed.
    expect(decide(admin('EDU_ADMIN'), false, null)).toEqual({ allowed: false });
  });

  it('lets a teacher read only the name, and only of their own students', () => {
    expect(decide({ kind: 'user', userId: 'teacher', role: 'TEACHER' }, true)).toEqual({ allowed: true, fields: names });
    expect(decide({ kind: 'user', userId: 'teacher', role: 'TEACHER' }, false)).toEqual({ allowed: false });
  });

  it('lets users read themselves, and no other student', () => {
    expect(decide({ kind: 'user', userId: subject, role: 'STUDENT' })).toEqual({ allowed: true, fields: all });
    expect(decide({ kind: 'user', userId: subject, role: 'EDU_ADMIN' }, false, null)).toEqual({ allowed: true, fields: all });
    expect(decide({ kind: 'user', userId: 'student-2', role: 'STUDENT' }, true)).toEqual({ allowed: false });
  });

  it('needs the subject’s role only for a reader who administers some roles but not all', () => {
    expect([admin('EDU_ADMIN'), admin('TECH_ADMIN'), admin('TEACHER'), admin('STUDENT'), { kind: 'service', module: 'profile' } as Reader].map(needsSubjectRole)).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('names the accessor of a service read', () => {
    expect(accessorOf({ kind: 'service', module: 'profile' })).toEqual({ accessorId: 'service:profile', accessorRole: 'SERVICE' });
  });
});
