import { Command } from '@nestjs/cqrs';
import type { UserRole, UserView } from '@tall/profile/contracts';
import type { Actor } from '@tall/profile/domain';

/** An admin moves an account to another role; tokens carry it from the user's next refresh. */
export class ChangeRoleCommand extends Command<UserView> {
  constructor(
    readonly actor: Actor,
    readonly userId: string,
    readonly role: UserRole,
  ) {
    super();
  }
}
