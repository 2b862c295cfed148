import { Query } from '@nestjs/cqrs';
import type { StudentList } from '@tall/profile/contracts';
import type { Actor } from '@tall/profile/domain';

/** A teacher's students: admins for any teacher, a teacher only their own. */
export class ListStudentsQuery extends Query<StudentList> {
  constructor(
    readonly actor: Actor,
    readonly teacherId: string,
  ) {
    super();
  }
}
