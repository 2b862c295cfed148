import { decideRead } from '@tall/pii/domain';
import { AdministrationPolicy } from '@tall/profile/domain';
import { USER_ROLES } from '@tall/profile/contracts';

/**
 * pii decides who reads another user's personal data; profile decides who administers whose
 * account. They must agree for every reader role and target role: a role never reads the data of
 * an account it may not manage, and can read every account it manages. Only the app sees both
 * contexts' domain libs, so the comparison lives here. (A teacher reading the name of their own
 * linked student is teaching, not administration, and is not part of the table.)
 */
const ALL = ['firstName', 'lastName', 'email', 'birthDate', 'locale'] as const;
const NAMES = ['firstName', 'lastName'] as const;

describe('pii’s read policy and profile’s administration policy', () => {
  const pairs = USER_ROLES.flatMap((reader) => USER_ROLES.map((target) => ({ reader, target })));

  it('agree for every reader role × target role', () => {
    const table = pairs.map(({ reader, target }) => {
      const actor = { userId: `reader-${reader}`, role: reader };
      const account = { id: `target-${target}`, role: target };
      const pii = decideRead({ kind: 'user', userId: actor.userId, role: reader }, account, ALL, NAMES, false);
      return {
        pair: `${reader} → ${target}`,
        piiReadsAll: pii.allowed && pii.fields.length === ALL.length,
        profileLists: AdministrationPolicy.listableRoles(actor).includes(target),
        profileChangesStatus: AdministrationPolicy.mayChangeStatus(actor, account) === 'allowed',
      };
    });
    const disagreements = table.filter((row) => row.piiReadsAll !== row.profileLists || row.profileLists !== row.profileChangesStatus);
    expect(disagreements).toEqual([]);
    expect(table).toHaveLength(16);
    // The table is not trivially empty or full: EDU_ADMIN reads a student, not a TECH_ADMIN.
    expect(table.find((row) => row.pair === 'EDU_ADMIN → STUDENT')?.piiReadsAll).toBe(true);
    expect(table.find((row) => row.pair === 'EDU_ADMIN → TECH_ADMIN')?.piiReadsAll).toBe(false);
  });

  it('let a teacher read only the name of a linked student, which profile does not count as administration', () => {
    for (const target of USER_ROLES) {
      const linked = decideRead({ kind: 'user', userId: 'teacher', role: 'TEACHER' }, { id: `target-${target}`, role: target }, ALL, NAMES, true);
      expect(linked).toEqual({ allowed: true, fields: NAMES });
      expect(AdministrationPolicy.mayChangeStatus({ userId: 'teacher', role: 'TEACHER' }, { id: `target-${target}`, role: target })).toBe('forbidden');
    }
  });
});
