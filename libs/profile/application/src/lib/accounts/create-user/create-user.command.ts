import { Command } from '@nestjs/cqrs';
import type { CreateUserRequest, UserView } from '@tall/profile/contracts';
import type { Actor } from '@tall/profile/domain';

/** An admin creates an account: TECH_ADMIN any role, EDU_ADMIN teachers and students. */
export class CreateUserCommand extends Command<UserView> {
  constructor(
    readonly actor: Actor,
    readonly request: CreateUserRequest,
  ) {
    super();
  }
}
