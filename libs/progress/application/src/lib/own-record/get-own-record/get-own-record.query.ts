import { Query } from '@nestjs/cqrs';
import type { Principal } from '@tall/platform/identity';
import type { StudentRecord } from '@tall/progress/contracts';

/** A student's own learning record. */
export class GetOwnRecordQuery extends Query<StudentRecord> {
  constructor(readonly principal: Principal) {
    super();
  }
}
