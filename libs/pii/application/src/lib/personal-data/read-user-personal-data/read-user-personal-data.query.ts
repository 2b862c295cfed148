import { Query } from '@nestjs/cqrs';
import type { DisplayName, PersonalData, PiiPurpose } from '@tall/pii/contracts';
import type { Reader } from '@tall/pii/domain';

/**
 * `GET /pii/users/:id`: admins read everything; a teacher only the name of a linked student;
 * anyone else is refused (`FORBIDDEN`).
 */
export class ReadUserPersonalDataQuery extends Query<PersonalData | DisplayName> {
  constructor(
    readonly reader: Reader,
    readonly subjectId: string,
    readonly purpose: PiiPurpose,
  ) {
    super();
  }
}
