import type { EventEnvelope } from '@tall/platform/event-contracts';
import { TeacherStudentUnlinked } from '@tall/profile/contracts';
import { ProfileError, type PolicyVerdict, type UserAccount } from '@tall/profile/domain';
import type { ProfileTx, StudentLink } from '../ports/profile-store.port';
import { profileEvent } from '../profile-events';

/** Inside the caller's transaction: the account an admin acts on, locked; unknown and erased ones refused. */
export async function lockAdministeredAccount(tx: ProfileTx, userId: string): Promise<UserAccount> {
  const target = await tx.users.findById(userId, { lock: 'update' });
  if (!target || target.status === 'pending') throw new ProfileError('USER_NOT_FOUND', 'No such user');
  if (target.status === 'deleted') throw new ProfileError('USER_DELETED', 'This account was erased');
  return target;
}

/** The administration policy's verdict as the refusal the admin sees (`what` completes "You may not …"). */
export function enforcePolicy(verdict: PolicyVerdict, what: string): void {
  if (verdict === 'ownAccount') throw new ProfileError('OWN_ACCOUNT', `You may not ${what}: it is your own account`);
  if (verdict === 'forbidden') throw new ProfileError('FORBIDDEN', `Your role may not ${what}`);
}

/** Locks the active TECH_ADMINs, so concurrent demotions cannot leave none. */
export async function keepOneTechAdmin(tx: ProfileTx, leavingId: string): Promise<void> {
  const admins = await tx.users.lockActiveTechAdmins();
  if (admins.filter((id) => id !== leavingId).length === 0) {
    throw new ProfileError('LAST_TECH_ADMIN', 'This is the last active TECH_ADMIN: appoint another one first');
  }
}

/** `teacher.studentUnlinked` for each link an account change took with it. */
export function unlinkedEvents(links: readonly StudentLink[], reason: 'roleChanged' | 'userDeleted'): EventEnvelope[] {
  return links.map((link) => profileEvent(TeacherStudentUnlinked, { teacherId: link.teacherId, studentId: link.studentId, reason }, link.teacherId));
}
