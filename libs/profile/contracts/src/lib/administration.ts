import { USER_ROLES, type UserRole } from './roles';

/**
 * Whose accounts each role administers: TECH_ADMIN every account, EDU_ADMIN teachers' and
 * students', the others none. Profile's administration policy (list, create, change role,
 * disable) and pii's read policy (another user's personal data) both follow this one table, so
 * a role never reads the personal data of an account it may not manage.
 */
export const ADMINISTERED_ROLES: { readonly [R in UserRole]: readonly UserRole[] } = {
  TECH_ADMIN: USER_ROLES,
  EDU_ADMIN: ['TEACHER', 'STUDENT'],
  TEACHER: [],
  STUDENT: [],
};

/** The roles `role` administers; none for a value that is not a role. */
export function administeredRoles(role: string): readonly UserRole[] {
  return (USER_ROLES as readonly string[]).includes(role) ? ADMINISTERED_ROLES[role as UserRole] : [];
}
