import { Inject, Injectable } from '@nestjs/common';
import type { AuthResponse, RegisterRequest } from '@tall/profile/contracts';
import { ProfileError } from '@tall/profile/domain';
import { SessionIssuer } from '../sign-in/session-issuer';
import { AccountCreation } from './account-creation';

export interface RegistrationSettings {
  open: boolean;
}

export const REGISTRATION_SETTINGS = Symbol('REGISTRATION_SETTINGS');

/** Self-registration: a STUDENT account, signed in at once. */
@Injectable()
export class RegisterHandler {
  constructor(
    private readonly accounts: AccountCreation,
    private readonly sessions: SessionIssuer,
    @Inject(REGISTRATION_SETTINGS) private readonly settings: RegistrationSettings,
  ) {}

  async execute(request: RegisterRequest): Promise<AuthResponse> {
    if (!this.settings.open) throw new ProfileError('REGISTRATION_CLOSED', 'Registration is closed: ask the school for an account');
    const { email, password, firstName, lastName, birthDate, locale, deviceId, deviceName } = request;
    const { user, extra: session } = await this.accounts.create(
      { role: 'STUDENT', password, origin: 'registration', personal: { email, firstName, lastName, birthDate, locale } },
      (tx, created) => this.sessions.start(tx, created.id, { deviceId, deviceName }, created.createdAt),
    );
    if (!session) throw new Error('registration started no session');
    return this.sessions.respond(user, session);
  }
}
