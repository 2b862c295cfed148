import { Command } from '@nestjs/cqrs';
import type { AuthResponse } from '@tall/profile/contracts';

/** Exchanges a refresh token for a new token pair of the same session. */
export class RefreshSessionCommand extends Command<AuthResponse> {
  constructor(readonly refreshToken: string) {
    super();
  }
}
