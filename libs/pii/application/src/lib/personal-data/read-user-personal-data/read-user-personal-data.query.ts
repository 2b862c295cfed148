import { Query } from '@nestjs/cqrs';
import type { DisplayName, PersonalData, PiiPurpose } from '@tall/pii/contracts';
import type { Reader } from '@tall/pii/domain';

/**
 * `GET /pii/users/:id`: admins read everything of the accounts profile lets them administer
 * (TECH_ADMIN anyone, EDU_ADMIN teachers and students); a teacher only the name of a linked
 * student; anyone else is refused (`FORBIDDEN`).
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
