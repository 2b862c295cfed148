import { Command } from '@nestjs/cqrs';

/** The user was erased: the lobby forgets their role and where they left off. */
export class ForgetUserCommand extends Command<void> {
  constructor(readonly userId: string) {
    super();
  }
}
