import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TeacherStudentLinked } from '@tall/profile/contracts';
import { AdministrationPolicy, ProfileError } from '@tall/profile/domain';
import { CLOCK, type Clock } from '../../ports/credentials.port';
import { PROFILE_STORE, type ProfileStore, type ProfileTx } from '../../ports/profile-store.port';
import { profileEvent } from '../../profile-events';
import { LinkStudentCommand } from './link-student.command';

@CommandHandler(LinkStudentCommand)
export class LinkStudentHandler implements ICommandHandler<LinkStudentCommand> {
  constructor(
    @Inject(PROFILE_STORE) private readonly store: ProfileStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ actor, teacherId, studentId }: LinkStudentCommand): Promise<void> {
    if (!AdministrationPolicy.mayManageLinks(actor)) throw new ProfileError('FORBIDDEN', 'Only admins link teachers and students');
    await this.store.transaction(async (tx) => {
      await this.requireRole(tx, teacherId, 'TEACHER');
      await this.requireRole(tx, studentId, 'STUDENT');
      if (await tx.links.link(teacherId, studentId, this.clock.now())) {
        tx.publish(profileEvent(TeacherStudentLinked, { teacherId, studentId }, teacherId));
      }
    });
  }

  private async requireRole(tx: ProfileTx, userId: string, role: 'TEACHER' | 'STUDENT'): Promise<void> {
    const user = await tx.users.findById(userId, { lock: 'share' });
    if (!user || user.role !== role || user.status === 'pending' || user.status === 'deleted') {
      throw new ProfileError(role === 'TEACHER' ? 'TEACHER_NOT_FOUND' : 'STUDENT_NOT_FOUND', `No such ${role.toLowerCase()}`);
    }
  }
}
