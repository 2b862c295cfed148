import { Command } from '@nestjs/cqrs';
import type { AuthResponse, RegisterRequest } from '@tall/profile/contracts';

/** Self-registration: a STUDENT account, signed in at once. */
export class RegisterCommand extends Command<AuthResponse> {
  constructor(readonly request: RegisterRequest) {
    super();
  }
}
