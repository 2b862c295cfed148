import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UserRoleChanged, type UserView } from '@tall/profile/contracts';
import { AdministrationPolicy } from '@tall/profile/domain';
import { CLOCK, type Clock } from '../../ports/credentials.port';
import { PROFILE_STORE, type ProfileStore } from '../../ports/profile-store.port';
import { profileEvent } from '../../profile-events';
import { enforcePolicy, keepOneTechAdmin, lockAdministeredAccount, unlinkedEvents } from '../administered-account';
import { toUserView } from '../user-view';
import { ChangeRoleCommand } from './change-role.command';

@CommandHandler(ChangeRoleCommand)
export class ChangeRoleHandler implements ICommandHandler<ChangeRoleCommand> {
  constructor(
    @Inject(PROFILE_STORE) private readonly store: ProfileStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ actor, userId, role }: ChangeRoleCommand): Promise<UserView> {
    return this.store.transaction(async (tx) => {
      const target = await lockAdministeredAccount(tx, userId);
      enforcePolicy(AdministrationPolicy.mayChangeRole(actor, target, role), `change this account's role to ${role}`);
      if (target.role === role) return toUserView(target);
      if (target.role === 'TECH_ADMIN') await keepOneTechAdmin(tx, target.id);
      const now = this.clock.now();
      await tx.users.update(target.id, { role, updatedAt: now });
      tx.publish(profileEvent(UserRoleChanged, { userId: target.id, previousRole: target.role, role }, target.id));
      // Links only hold between a teacher and a student; the ones this change breaks go.
      const side = target.role === 'TEACHER' ? 'teacher' : target.role === 'STUDENT' ? 'student' : null;
      if (side) tx.publish(...unlinkedEvents(await tx.links.removeLinksOf(target.id, side), 'roleChanged'));
      return toUserView({ ...target, role });
    });
  }
}
