import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AuthResponse } from '@tall/profile/contracts';
import { ProfileError } from '@tall/profile/domain';
import { REGISTRATION_SETTINGS, type RegistrationSettings } from '../../ports/profile-settings.port';
import { SessionIssuer } from '../../sign-in/session-issuer';
import { AccountCreation } from '../account-creation';
import { RegisterCommand } from './register.command';

@CommandHandler(RegisterCommand)
export class RegisterHandler implements ICommandHandler<RegisterCommand> {
  constructor(
    private readonly accounts: AccountCreation,
    private readonly sessions: SessionIssuer,
    @Inject(REGISTRATION_SETTINGS) private readonly settings: RegistrationSettings,
  ) {}

  async execute({ request }: RegisterCommand): Promise<AuthResponse> {
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
