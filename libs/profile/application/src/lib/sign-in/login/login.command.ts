import { Command } from '@nestjs/cqrs';
import type { AuthResponse, LoginRequest } from '@tall/profile/contracts';

/** Sign-in by email and password, from a device. */
export class LoginCommand extends Command<AuthResponse> {
  constructor(readonly request: LoginRequest) {
    super();
  }
}
