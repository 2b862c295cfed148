import { accessorOf, decideRead, type Reader } from './read-policy';

const all = ['firstName', 'lastName', 'email'] as const;
const names = ['firstName', 'lastName'] as const;
const subject = 'student-1';

const decide = (reader: Reader, linked = false) => decideRead(reader, subject, all, names, linked);

describe('who may read whose personal data', () => {
  it('lets admins read everything of anyone', () => {
    for (const role of ['TECH_ADMIN', 'EDU_ADMIN']) {
      expect(decide({ kind: 'user', userId: 'admin', role })).toEqual({ allowed: true, fields: all });
    }
  });

  it('lets a teacher read only the name, and only of their own students', () => {
    expect(decide({ kind: 'user', userId: 'teacher', role: 'TEACHER' }, true)).toEqual({ allowed: true, fields: names });
    expect(decide({ kind: 'user', userId: 'teacher', role: 'TEACHER' }, false)).toEqual({ allowed: false });
  });

  it('lets users read themselves, and no other student', () => {
    expect(decide({ kind: 'user', userId: subject, role: 'STUDENT' })).toEqual({ allowed: true, fields: all });
    expect(decide({ kind: 'user', userId: 'student-2', role: 'STUDENT' }, true)).toEqual({ allowed: false });
  });

  it('names the accessor of a service read', () => {
    expect(accessorOf({ kind: 'service', module: 'profile' })).toEqual({ accessorId: 'service:profile', accessorRole: 'SERVICE' });
  });
});
