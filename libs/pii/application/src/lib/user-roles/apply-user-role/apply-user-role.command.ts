import { Command } from '@nestjs/cqrs';
import type { InboxDelivery } from '../../ports/personal-data-repository.port';

/**
 * profile created an account or changed its role (`user.created`, `user.roleChanged`, and the
 * role `user.disabled`/`user.enabled` carry): pii keeps the role, because its read policy follows
 * profile's administration table (an EDU_ADMIN reads teachers and students only). Applied once per
 * event and inbox handler (`delivery`); false when the event was applied before.
 */
export class ApplyUserRoleCommand extends Command<boolean> {
  constructor(
    readonly delivery: InboxDelivery,
    readonly userId: string,
    readonly role: string,
  ) {
    super();
  }
}
