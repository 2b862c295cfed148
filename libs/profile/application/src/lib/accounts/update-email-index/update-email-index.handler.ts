import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UserUpdated } from '@tall/profile/contracts';
import { CLOCK, type Clock } from '../../ports/credentials.port';
import { PROFILE_STORE, type ProfileStore } from '../../ports/profile-store.port';
import { profileEvent } from '../../profile-events';
import { UpdateEmailIndexCommand, type EmailIndexOutcome } from './update-email-index.command';

/** The inbox claim, the change and its `user.updated` commit together. */
@CommandHandler(UpdateEmailIndexCommand)
export class UpdateEmailIndexHandler implements ICommandHandler<UpdateEmailIndexCommand> {
  constructor(
    @Inject(PROFILE_STORE) private readonly store: ProfileStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ eventId, handler, userId, emailIndex }: UpdateEmailIndexCommand): Promise<EmailIndexOutcome> {
    return this.store.transaction(async (tx) => {
      if (!(await tx.inbox.claim(eventId, handler))) return 'alreadyApplied';
      const user = await tx.users.findById(userId, { lock: 'update' });
      if (!user || user.status === 'deleted' || user.status === 'pending') return 'unknownUser';
      if (user.emailIndex === emailIndex) return 'unchanged';
      const holder = await tx.users.findByEmailIndex(emailIndex);
      // Two accounts can never share a sign-in email; the account keeps its old one (logged by the caller).
      if (holder && holder.id !== userId) return 'indexTaken';
      await tx.users.update(userId, { emailIndex, updatedAt: this.clock.now() });
      tx.publish(profileEvent(UserUpdated, { userId, changed: ['email'] }, userId));
      return 'updated';
    });
  }
}
