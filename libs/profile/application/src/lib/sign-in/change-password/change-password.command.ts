import { Command } from '@nestjs/cqrs';
import type { Principal } from '@tall/platform/identity';

/** A signed-in user replaces their password, proving the current one. */
export class ChangePasswordCommand extends Command<void> {
  constructor(
    readonly principal: Principal,
    readonly currentPassword: string,
    readonly newPassword: string,
  ) {
    super();
  }
}
