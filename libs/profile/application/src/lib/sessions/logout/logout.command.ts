import { Command } from '@nestjs/cqrs';
import type { Principal } from '@tall/platform/identity';

/** Ends the session of this refresh token when it is the caller's; unknown tokens change nothing. */
export class LogoutCommand extends Command<void> {
  constructor(
    readonly principal: Principal,
    readonly refreshToken: string,
  ) {
    super();
  }
}
