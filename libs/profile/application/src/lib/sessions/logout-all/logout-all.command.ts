import { Command } from '@nestjs/cqrs';
import type { Principal } from '@tall/platform/identity';

/** Ends every session of the signed-in user, this one included. */
export class LogoutAllCommand extends Command<void> {
  constructor(readonly principal: Principal) {
    super();
  }
}
