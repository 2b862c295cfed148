import { Command } from '@nestjs/cqrs';
import type { UserRoleRecord } from '../../ports/personal-data-repository.port';

/**
 * profile sends the roles of its existing accounts once, for accounts created before pii kept
 * roles (they would stay unreadable to an EDU_ADMIN until profile next published their role).
 * Only roles pii does not know yet are recorded: one it learnt from an event is as new or newer.
 * Answers how many were recorded.
 */
export class RecordUserRolesCommand extends Command<number> {
  constructor(readonly users: readonly UserRoleRecord[]) {
    super();
  }
}
