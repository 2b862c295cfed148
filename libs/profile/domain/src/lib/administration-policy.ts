import type { UserRole } from '@tall/profile/contracts';

export interface Actor {
  userId: string;
  role: UserRole;
}

export interface Target {
  id: string;
  role: UserRole;
}

const ADMINS: readonly UserRole[] = ['TECH_ADMIN', 'EDU_ADMIN'];
const LEARNING_ROLES: readonly UserRole[] = ['TEACHER', 'STUDENT'];

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
    if (actor.role === 'TECH_ADMIN') return true;
    return actor.role === 'EDU_ADMIN' && LEARNING_ROLES.includes(role);
  },

  /** Roles whose accounts the actor may list; an empty list means none. */
  listableRoles(actor: Actor): UserRole[] {
    if (actor.role === 'TECH_ADMIN') return ['TECH_ADMIN', 'EDU_ADMIN', 'TEACHER', 'STUDENT'];
    if (actor.role === 'EDU_ADMIN') return [...LEARNING_ROLES];
    return [];
  },

  mayChangeRole(actor: Actor, target: Target, role: UserRole): PolicyVerdict {
    if (actor.userId === target.id) return 'ownAccount';
    if (actor.role === 'TECH_ADMIN') return 'allowed';
    if (actor.role === 'EDU_ADMIN' && LEARNING_ROLES.includes(target.role) && LEARNING_ROLES.includes(role)) return 'allowed';
    return 'forbidden';
  },

  /** Disable or enable. */
  mayChangeStatus(actor: Actor, target: Target): PolicyVerdict {
    if (actor.userId === target.id) return 'ownAccount';
    if (actor.role === 'TECH_ADMIN') return 'allowed';
    if (actor.role === 'EDU_ADMIN' && LEARNING_ROLES.includes(target.role)) return 'allowed';
    return 'forbidden';
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
