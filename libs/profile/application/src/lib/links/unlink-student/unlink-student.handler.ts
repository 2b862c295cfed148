import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TeacherStudentUnlinked } from '@tall/profile/contracts';
import { AdministrationPolicy, ProfileError } from '@tall/profile/domain';
import { PROFILE_STORE, type ProfileStore } from '../../ports/profile-store.port';
import { profileEvent } from '../../profile-events';
import { UnlinkStudentCommand } from './unlink-student.command';

@CommandHandler(UnlinkStudentCommand)
export class UnlinkStudentHandler implements ICommandHandler<UnlinkStudentCommand> {
  constructor(@Inject(PROFILE_STORE) private readonly store: ProfileStore) {}

  async execute({ actor, teacherId, studentId }: UnlinkStudentCommand): Promise<void> {
    if (!AdministrationPolicy.mayManageLinks(actor)) throw new ProfileError('FORBIDDEN', 'Only admins link teachers and students');
    await this.store.transaction(async (tx) => {
      if (await tx.links.unlink(teacherId, studentId)) {
        tx.publish(profileEvent(TeacherStudentUnlinked, { teacherId, studentId, reason: 'unlinked' }, teacherId));
      }
    });
  }
}
