import { Command } from '@nestjs/cqrs';

export interface BootstrapAdminRequest {
  email: string;
  password: string;
  firstName?: string;
  lastName?: string;
}

export type BootstrapOutcome = { outcome: 'created'; userId: string } | { outcome: 'exists'; userId: string };

/**
 * The first TECH_ADMIN (ADMIN_EMAIL/ADMIN_PASSWORD at start, or the CLI). Created once: when an
 * account already has the email, nothing changes — not even its password.
 */
export class BootstrapAdminCommand extends Command<BootstrapOutcome> {
  constructor(readonly request: BootstrapAdminRequest) {
    super();
  }
}
