import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { StudentList } from '@tall/profile/contracts';
import { AdministrationPolicy, ProfileError, publicStatus } from '@tall/profile/domain';
import { PROFILE_STORE, type ProfileStore } from '../../ports/profile-store.port';
import { ListStudentsQuery } from './list-students.query';

@QueryHandler(ListStudentsQuery)
export class ListStudentsHandler implements IQueryHandler<ListStudentsQuery> {
  constructor(@Inject(PROFILE_STORE) private readonly store: ProfileStore) {}

  async execute({ actor, teacherId }: ListStudentsQuery): Promise<StudentList> {
    // Decided before any lookup: another teacher's id gets 403 whether it exists or not.
    if (!AdministrationPolicy.mayViewStudentsOf(actor, teacherId)) {
      throw new ProfileError('FORBIDDEN', 'You may only see your own students');
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
}
