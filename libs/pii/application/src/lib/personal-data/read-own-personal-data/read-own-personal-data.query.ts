import { Query } from '@nestjs/cqrs';
import type { PersonalData } from '@tall/pii/contracts';

/** `GET /pii/me`: every field, the read recorded on the access log. */
export class ReadOwnPersonalDataQuery extends Query<PersonalData> {
  constructor(
    readonly userId: string,
    readonly role: string,
  ) {
    super();
  }
}
