import { Query } from '@nestjs/cqrs';
import type { PersonalData } from '@tall/pii/contracts';
import type { Reader } from '@tall/pii/domain';

/**
 * pii's section of the GDPR export: the user's own data, or undefined when nothing is held.
 * Only for the user themself (or an admin, or a context without a user); `PII_ERASED` once erased.
 */
export class ExportOwnPersonalDataQuery extends Query<PersonalData | undefined> {
  constructor(
    readonly reader: Reader,
    readonly userId: string,
  ) {
    super();
  }
}
