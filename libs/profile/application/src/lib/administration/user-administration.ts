import { Inject, Injectable } from '@nestjs/common';
import {
  TeacherStudentUnlinked,
  UserDeleted,
  UserDisabled,
  UserEnabled,
  UserRoleChanged,
  type UserList,
  type UserRole,
  type UserView,
} from '@tall/profile/contracts';
import { AdministrationPolicy, ProfileError, type Actor, type PolicyVerdict, type UserAccount } from '@tall/profile/domain';
import { CLOCK, PERSONAL_DATA_GATEWAY, type Clock, type PersonalDataGateway } from '../ports/credentials.port';
import { PROFILE_STORE, type ProfileStore, type ProfileTx } from '../ports/profile-store.port';
import { profileEvent } from '../profile-events';
import { revokeSessions } from '../sessions/session-commands';
import { toUserView } from './user-view';

export const DEFAULT_PAGE_SIZE = 50;
/** Why admin screens read names from pii (recorded in pii's access log). */
export const USER_ADMINISTRATION_PURPOSE = 'user-administration';

export interface AdministrationLogger {
  warn(fields: Record<string, unknown>, message: string): void;
}

/** Role changes, disabling, erasing and listing accounts, each under the administration policy. */
@Injectable()
export class UserAdministration {
  constructor(
    @Inject(PROFILE_STORE) private readonly store: ProfileStore,
    @Inject(PERSONAL_DATA_GATEWAY) private readonly personalData: PersonalDataGateway,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async me(userId: string): Promise<UserView> {
    const user = await this.store.read((tx) => tx.users.findById(userId));
    if (!user || user.status === 'pending') throw new ProfileError('USER_NOT_FOUND', 'No such user');
    return toUserView(user);
  }

  async changeRole(actor: Actor, userId: string, role: UserRole): Promise<UserView> {
    return this.store.transaction(async (tx) => {
      const target = await this.lockTarget(tx, userId);
      this.enforce(AdministrationPolicy.mayChangeRole(actor, target, role), `change this account's role to ${role}`);
      if (target.role === role) return toUserView(target);
      if (target.role === 'TECH_ADMIN') await this.keepOneTechAdmin(tx, target.id);
      const now = this.clock.now();
      await tx.users.update(target.id, { role, updatedAt: now });
      tx.publish(profileEvent(UserRoleChanged, { userId: target.id, previousRole: target.role, role }, target.id));
      // Links only hold between a teacher and a student; the ones this change breaks go.
      const side = target.role === 'TEACHER' ? 'teacher' : target.role === 'STUDENT' ? 'student' : null;
      if (side) {
        const removed = await tx.links.removeLinksOf(target.id, side);
        tx.publish(...removed.map((link) => profileEvent(TeacherStudentUnlinked, { ...ids(link), reason: 'roleChanged' }, link.teacherId)));
      }
      return toUserView({ ...target, role });
    });
  }

  /** A disabled account cannot sign in or refresh; its sessions end at once. Idempotent. */
  async setDisabled(actor: Actor, userId: string, disabled: boolean): Promise<UserView> {
    return this.store.transaction(async (tx) => {
      const target = await this.lockTarget(tx, userId);
      this.enforce(AdministrationPolicy.mayChangeStatus(actor, target), disabled ? 'disable this account' : 'enable this account');
      const status = disabled ? 'disabled' : 'active';
      if (target.status === status) return toUserView(target);
      const now = this.clock.now();
      await tx.users.update(target.id, { status, updatedAt: now });
      if (disabled) {
        tx.publish(profileEvent(UserDisabled, { userId: target.id, role: target.role }, target.id));
        await revokeSessions(tx, target.id, 'accountDisabled', now);
      } else {
        tx.publish(profileEvent(UserEnabled, { userId: target.id, role: target.role }, target.id));
      }
      return toUserView({ ...target, status });
    });
  }

  /** `DELETE /users/:id` (TECH_ADMIN). */
  async deleteByAdmin(actor: Actor, userId: string): Promise<void> {
    const result = await this.store.transaction(async (tx) => {
      const target = await tx.users.findById(userId, { lock: 'update' });
      if (!target || target.status === 'pending') throw new ProfileError('USER_NOT_FOUND', 'No such user');
      this.enforce(AdministrationPolicy.mayDelete(actor, target), 'erase this account');
      return this.erase(tx, target);
    });
    if (result.outcome === 'alreadyDeleted') throw new ProfileError('USER_DELETED', 'This account was already erased');
  }

  /** `profile.deleteAccount`: the erase itself, for the user's own request (pii) or an admin's. */
  async erase(tx: ProfileTx, target: UserAccount): Promise<{ outcome: 'deleted' | 'alreadyDeleted'; deletedAt: Date }> {
    if (target.status === 'deleted') return { outcome: 'alreadyDeleted', deletedAt: target.updatedAt };
    if (target.role === 'TECH_ADMIN') await this.keepOneTechAdmin(tx, target.id);
    const now = this.clock.now();
    // The email index goes too: nothing derived from the email stays, and the address may register again.
    await tx.users.update(target.id, { status: 'deleted', emailIndex: null, passwordHash: null, updatedAt: now });
    await revokeSessions(tx, target.id, 'accountDeleted', now);
    const removed = await tx.links.removeLinksOf(target.id, 'either');
    tx.publish(...removed.map((link) => profileEvent(TeacherStudentUnlinked, { ...ids(link), reason: 'userDeleted' }, link.teacherId)));
    tx.publish(profileEvent(UserDeleted, { userId: target.id, role: target.role, deletedAt: now.toISOString() }, target.id));
    return { outcome: 'deleted', deletedAt: now };
  }

  async eraseById(userId: string): Promise<{ outcome: 'deleted' | 'alreadyDeleted'; deletedAt: Date }> {
    return this.store.transaction(async (tx) => {
      const target = await tx.users.findById(userId, { lock: 'update' });
      if (!target || target.status === 'pending') throw new ProfileError('USER_NOT_FOUND', 'No such user');
      return this.erase(tx, target);
    });
  }

  /** Names come from pii for a stated purpose; when pii cannot answer the list still shows, without names. */
  async list(actor: Actor, filter: { role?: UserRole; page?: number; pageSize?: number }, logger?: AdministrationLogger): Promise<UserList> {
    const listable = AdministrationPolicy.listableRoles(actor);
    if (filter.role && !listable.includes(filter.role)) throw new ProfileError('FORBIDDEN', `Your role may not list ${filter.role} accounts`);
    const page = filter.page ?? 1;
    const pageSize = filter.pageSize ?? DEFAULT_PAGE_SIZE;
    const { items, total } = await this.store.read((tx) => tx.users.list({ roles: filter.role ? [filter.role] : listable, page, pageSize }));
    let names = new Map<string, { firstName: string; lastName: string }>();
    if (items.length > 0) {
      try {
        names = await this.personalData.displayNames(
          items.map((user) => user.id),
          USER_ADMINISTRATION_PURPOSE,
        );
      } catch (error) {
        logger?.warn({ err: error instanceof Error ? error.message : String(error) }, 'names unavailable for the user list');
      }
    }
    return {
      items: items.map((user) => ({ ...toUserView(user), firstName: names.get(user.id)?.firstName ?? null, lastName: names.get(user.id)?.lastName ?? null })),
      page,
      pageSize,
      total,
    };
  }

  private async lockTarget(tx: ProfileTx, userId: string): Promise<UserAccount> {
    const target = await tx.users.findById(userId, { lock: 'update' });
    if (!target || target.status === 'pending') throw new ProfileError('USER_NOT_FOUND', 'No such user');
    if (target.status === 'deleted') throw new ProfileError('USER_DELETED', 'This account was erased');
    return target;
  }

  private enforce(verdict: PolicyVerdict, what: string): void {
    if (verdict === 'ownAccount') throw new ProfileError('OWN_ACCOUNT', `You may not ${what}: it is your own account`);
    if (verdict === 'forbidden') throw new ProfileError('FORBIDDEN', `Your role may not ${what}`);
  }

  /** Locks the active TECH_ADMINs, so concurrent demotions cannot leave none. */
  private async keepOneTechAdmin(tx: ProfileTx, leavingId: string): Promise<void> {
    const admins = await tx.users.lockActiveTechAdmins();
    if (admins.filter((id) => id !== leavingId).length === 0) {
      throw new ProfileError('LAST_TECH_ADMIN', 'This is the last active TECH_ADMIN: appoint another one first');
    }
  }
}

function ids(link: { teacherId: string; studentId: string }) {
  return { teacherId: link.teacherId, studentId: link.studentId };
}
