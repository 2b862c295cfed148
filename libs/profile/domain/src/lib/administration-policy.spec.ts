import type { UserRole } from '@tall/profile/contracts';
import { AdministrationPolicy, type Actor } from './administration-policy';

const actor = (role: UserRole, userId = `actor-${role}`): Actor => ({ userId, role });
const target = (role: UserRole, id = `target-${role}`) => ({ id, role });

describe('AdministrationPolicy', () => {
  it('lets TECH_ADMIN create any role and EDU_ADMIN only teachers and students', () => {
    expect(AdministrationPolicy.mayCreate(actor('TECH_ADMIN'), 'TECH_ADMIN')).toBe(true);
    expect(AdministrationPolicy.mayCreate(actor('EDU_ADMIN'), 'TEACHER')).toBe(true);
    expect(AdministrationPolicy.mayCreate(actor('EDU_ADMIN'), 'EDU_ADMIN')).toBe(false);
    expect(AdministrationPolicy.mayCreate(actor('TEACHER'), 'STUDENT')).toBe(false);
  });

  it('lets EDU_ADMIN move accounts only between TEACHER and STUDENT', () => {
    expect(AdministrationPolicy.mayChangeRole(actor('EDU_ADMIN'), target('STUDENT'), 'TEACHER')).toBe('allowed');
    expect(AdministrationPolicy.mayChangeRole(actor('EDU_ADMIN'), target('STUDENT'), 'EDU_ADMIN')).toBe('forbidden');
    expect(AdministrationPolicy.mayChangeRole(actor('EDU_ADMIN'), target('EDU_ADMIN'), 'TEACHER')).toBe('forbidden');
    expect(AdministrationPolicy.mayChangeRole(actor('TECH_ADMIN'), target('EDU_ADMIN'), 'TECH_ADMIN')).toBe('allowed');
  });

  it('never lets anyone change their own role or status, or delete themselves', () => {
    const self = actor('TECH_ADMIN', 'me');
    expect(AdministrationPolicy.mayChangeRole(self, { id: 'me', role: 'TECH_ADMIN' }, 'STUDENT')).toBe('ownAccount');
    expect(AdministrationPolicy.mayChangeStatus(self, { id: 'me', role: 'TECH_ADMIN' })).toBe('ownAccount');
    expect(AdministrationPolicy.mayDelete(self, { id: 'me', role: 'TECH_ADMIN' })).toBe('ownAccount');
  });

  it('keeps admins out of EDU_ADMIN reach for disabling', () => {
    expect(AdministrationPolicy.mayChangeStatus(actor('EDU_ADMIN'), target('TEACHER'))).toBe('allowed');
    expect(AdministrationPolicy.mayChangeStatus(actor('EDU_ADMIN'), target('EDU_ADMIN'))).toBe('forbidden');
    expect(AdministrationPolicy.mayChangeStatus(actor('EDU_ADMIN'), target('TECH_ADMIN'))).toBe('forbidden');
    expect(AdministrationPolicy.mayChangeStatus(actor('TECH_ADMIN'), target('EDU_ADMIN'))).toBe('allowed');
  });

  it('shows a teacher only their own students, decided from ids alone', () => {
    expect(AdministrationPolicy.mayViewStudentsOf(actor('TEACHER', 't1'), 't1')).toBe(true);
    expect(AdministrationPolicy.mayViewStudentsOf(actor('TEACHER', 't1'), 't2')).toBe(false);
    expect(AdministrationPolicy.mayViewStudentsOf(actor('STUDENT', 't1'), 't1')).toBe(false);
    expect(AdministrationPolicy.mayViewStudentsOf(actor('EDU_ADMIN'), 'anyone')).toBe(true);
  });

  it('lists teachers and students for EDU_ADMIN, everyone for TECH_ADMIN, no one for others', () => {
    expect(AdministrationPolicy.listableRoles(actor('EDU_ADMIN'))).toEqual(['TEACHER', 'STUDENT']);
    expect(AdministrationPolicy.listableRoles(actor('TECH_ADMIN'))).toHaveLength(4);
    expect(AdministrationPolicy.listableRoles(actor('TEACHER'))).toEqual([]);
  });
});
