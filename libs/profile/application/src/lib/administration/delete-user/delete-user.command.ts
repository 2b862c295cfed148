import { Command } from '@nestjs/cqrs';
import type { Actor } from '@tall/profile/domain';

/** `DELETE /users/:id`: a TECH_ADMIN erases an account; an account already erased is refused (410). */
export class DeleteUserCommand extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly userId: string,
  ) {
    super();
  }
}
