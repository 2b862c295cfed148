import { Command } from '@nestjs/cqrs';
import type { ClientVersions } from '@tall/profile/contracts';

/** A TECH_ADMIN sets the minimum version of one or more platforms; answers the minimums now in force. */
export class UpdateClientVersionsCommand extends Command<ClientVersions> {
  constructor(readonly changes: Partial<ClientVersions>) {
    super();
  }
}
