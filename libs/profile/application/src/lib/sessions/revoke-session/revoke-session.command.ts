import { Command } from '@nestjs/cqrs';
import type { Principal } from '@tall/platform/identity';

/** Ends one of the signed-in user's own sessions. */
export class RevokeSessionCommand extends Command<void> {
  constructor(
    readonly principal: Principal,
    readonly sessionId: string,
  ) {
    super();
  }
}
