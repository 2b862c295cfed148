import { Query } from '@nestjs/cqrs';
import type { Principal } from '@tall/platform/identity';
import type { StudentList, StudentListQuery } from '@tall/progress/contracts';

/** The dashboard table: a teacher's linked students, or (EDU_ADMIN) every student, optionally of one teacher. */
export class ListStudentsQuery extends Query<StudentList> {
  constructor(
    readonly principal: Principal,
    readonly query: StudentListQuery,
  ) {
    super();
  }
}
