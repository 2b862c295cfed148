import { Inject, Injectable } from '@nestjs/common';
import { TeacherStudentLinked, TeacherStudentUnlinked, type StudentList } from '@tall/profile/contracts';
import { AdministrationPolicy, ProfileError, publicStatus, type Actor } from '@tall/profile/domain';
import { CLOCK, type Clock } from '../ports/credentials.port';
import { PROFILE_STORE, type ProfileStore, type ProfileTx } from '../ports/profile-store.port';
import { profileEvent } from '../profile-events';

/** Teacher↔student links: admins link and unlink; a teacher sees only their own students. */
@Injectable()
export class StudentLinks {
  constructor(
    @Inject(PROFILE_STORE) private readonly store: ProfileStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async link(actor: Actor, teacherId: string, studentId: string): Promise<void> {
    this.enforceAdmin(actor);
    await this.store.transaction(async (tx) => {
      await this.requireRole(tx, teacherId, 'TEACHER');
      await this.requireRole(tx, studentId, 'STUDENT');
      if (await tx.links.link(teacherId, studentId, this.clock.now())) {
        tx.publish(profileEvent(TeacherStudentLinked, { teacherId, studentId }, teacherId));
      }
    });
  }

  /** Idempotent: unlinking what is not linked changes nothing. */
  async unlink(actor: Actor, teacherId: string, studentId: string): Promise<void> {
    this.enforceAdmin(actor);
    await this.store.transaction(async (tx) => {
      if (await tx.links.unlink(teacherId, studentId)) {
        tx.publish(profileEvent(TeacherStudentUnlinked, { teacherId, studentId, reason: 'unlinked' }, teacherId));
      }
    });
  }

  async studentsOf(actor: Actor, teacherId: string): Promise<StudentList> {
    // Decided before any lookup: another teacher's id gets 403 whether it exists or not.
    if (!AdministrationPolicy.mayViewStudentsOf(actor, teacherId)) {
      throw new ProfileError('FORBIDDEN', "You may only see your own students");
    }
    return this.store.read(async (tx) => {
      const teacher = await tx.users.findById(teacherId);
      if (!teacher || teacher.role !== 'TEACHER' || teacher.status === 'pending' || teacher.status === 'deleted') {
        throw new ProfileError('TEACHER_NOT_FOUND', 'No such teacher');
      }
      const links = await tx.links.studentsOf(teacherId);
      const items = links.map((link) => ({ id: link.studentId, status: publicStatus(link.studentStatus), linkedAt: link.linkedAt.toISOString() }));
      return { teacherId, items };
    });
  }

  private enforceAdmin(actor: Actor): void {
    if (!AdministrationPolicy.mayManageLinks(actor)) throw new ProfileError('FORBIDDEN', 'Only admins link teachers and students');
  }

  private async requireRole(tx: ProfileTx, userId: string, role: 'TEACHER' | 'STUDENT'): Promise<void> {
    const user = await tx.users.findById(userId, { lock: 'share' });
    if (!user || user.role !== role || user.status === 'pending' || user.status === 'deleted') {
      throw new ProfileError(role === 'TEACHER' ? 'TEACHER_NOT_FOUND' : 'STUDENT_NOT_FOUND', `No such ${role.toLowerCase()}`);
    }
  }
}
