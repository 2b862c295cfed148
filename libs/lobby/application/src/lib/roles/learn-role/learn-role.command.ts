import { Command } from '@nestjs/cqrs';
import type { UserRole } from '@tall/profile/contracts';

/** A user's role, as an event of profile's told it. True when applied now, false when that event was applied before. */
export class LearnRoleCommand extends Command<boolean> {
  constructor(
    readonly userId: string,
    readonly role: UserRole,
    readonly event: { id: string; handler: string },
  ) {
    super();
  }
}
