import { ADMINISTERED_ROLES, type UserRole } from '@tall/profile/contracts';

export interface Actor {
  userId: string;
  role: UserRole;
}

export interface Target {
  id: string;
  role: UserRole;
}

const ADMINS: readonly UserRole[] = ['TECH_ADMIN', 'EDU_ADMIN'];

/** The one table of who administers whom, shared with pii's read policy. */
const administers = (actor: Actor, role: UserRole): boolean => ADMINISTERED_ROLES[actor.role].includes(role);

export type PolicyVerdict = 'allowed' | 'forbidden' | 'ownAccount';

/**
 * Who may manage whom. TECH_ADMIN manages every account but their own role and status;
 * EDU_ADMIN manages teachers and students only, and moves accounts only between those two roles.
 */
export const AdministrationPolicy = {
  isAdmin(role: UserRole): boolean {
    return ADMINS.includes(role);
  },

  mayCreate(actor: Actor, role: UserRole): boolean {
    return administers(actor, role);
  },

  /** Roles whose accounts the actor may list; an empty list means none. */
  listableRoles(actor: Actor): UserRole[] {
    return [...ADMINISTERED_ROLES[actor.role]];
  },

  mayChangeRole(actor: Actor, target: Target, role: UserRole): PolicyVerdict {
    if (actor.userId === target.id) return 'ownAccount';
    return administers(actor, target.role) && administers(actor, role) ? 'allowed' : 'forbidden';
  },

  /** Disable or enable. */
  mayChangeStatus(actor: Actor, target: Target): PolicyVerdict {
    if (actor.userId === target.id) return 'ownAccount';
    return administers(actor, target.role) ? 'allowed' : 'forbidden';
  },

  mayDelete(actor: Actor, target: Target): PolicyVerdict {
    if (actor.userId === target.id) return 'ownAccount';
    return actor.role === 'TECH_ADMIN' ? 'allowed' : 'forbidden';
  },

  mayManageLinks(actor: Actor): boolean {
    return ADMINS.includes(actor.role);
  },

  /**
   * Admins see any teacher's students; a teacher only their own. Decided from the ids alone,
   * before anything is looked up, so the answer never tells whether another id exists.
   */
  mayViewStudentsOf(actor: Actor, teacherId: string): boolean {
    if (ADMINS.includes(actor.role)) return true;
    return actor.role === 'TEACHER' && actor.userId === teacherId;
  },
};
