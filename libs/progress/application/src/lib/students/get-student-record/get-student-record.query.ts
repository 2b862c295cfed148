import { Query } from '@nestjs/cqrs';
import type { Principal } from '@tall/platform/identity';
import type { TeacherStudentRecord } from '@tall/progress/contracts';

/** A student's full record with their name, for a teacher of theirs or an educational admin. */
export class GetStudentRecordQuery extends Query<TeacherStudentRecord> {
  constructor(
    readonly principal: Principal,
    readonly studentId: string,
  ) {
    super();
  }
}
