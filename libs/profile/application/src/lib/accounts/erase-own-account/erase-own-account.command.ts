import { Command } from '@nestjs/cqrs';

/**
 * `DELETE /pii/me`: a user erases their own account and personal data, re-authenticating with
 * their password. The account ends (sessions revoked, never signs in again, `user.deleted`),
 * and pii crypto-shreds the personal data at once.
 */
export class EraseOwnAccountCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly password: string,
  ) {
    super();
  }
}
