import type { UserRole } from '@tall/client/api';

export const ALL_ROLES: readonly UserRole[] = ['STUDENT', 'TEACHER', 'EDU_ADMIN', 'TECH_ADMIN'];

/** The roles an administrator may hand out: an EDU_ADMIN manages teachers and students only. */
export function assignableRoles(actor: UserRole | undefined): readonly UserRole[] {
  if (actor === 'TECH_ADMIN') return ALL_ROLES;
  if (actor === 'EDU_ADMIN') return ['STUDENT', 'TEACHER'];
  return [];
}
