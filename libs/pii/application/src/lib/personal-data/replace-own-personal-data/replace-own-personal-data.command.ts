import { Command } from '@nestjs/cqrs';
import type { PersonalData } from '@tall/pii/contracts';
import type { PersonalFields } from '@tall/pii/domain';

/** `PUT /pii/me`: the whole document; answers with what is now stored (a read, so audited). */
export class ReplaceOwnPersonalDataCommand extends Command<PersonalData> {
  constructor(
    readonly userId: string,
    readonly role: string,
    readonly fields: PersonalFields,
  ) {
    super();
  }
}
