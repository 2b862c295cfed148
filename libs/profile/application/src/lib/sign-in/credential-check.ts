import { Inject, Injectable } from '@nestjs/common';
import { AccountLocked, LoginFailed } from '@tall/profile/contracts';
import { lockedByLatestFailure, lockoutState, LOCKOUT_WINDOW_MS, ProfileError, type UserAccount } from '@tall/profile/domain';
import { CLOCK, PASSWORD_HASHER, type Clock, type PasswordHasher } from '../ports/credentials.port';
import { PROFILE_STORE, type ProfileStore } from '../ports/profile-store.port';
import { profileEvent } from '../profile-events';

export interface CredentialCheckOptions {
  /** Sign-ins publish `login.failed`; re-authentication (password change, erase) does not. */
  publishFailures: boolean;
}

/**
 * Checks a password against an account found by email index, or against nothing (unknown
 * email) at the same cost. Failures are counted per email index — known or not, so the lockout
 * itself does not reveal whether an account exists — and five within 15 minutes refuse every
 * further attempt, the right password included, until the window passes.
 */
@Injectable()
export class CredentialCheck {
  constructor(
    @Inject(PROFILE_STORE) private readonly store: ProfileStore,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Resolves with the account when the password is right; throws ACCOUNT_LOCKED or INVALID_CREDENTIALS. */
  async verify(
    emailIndex: string | null,
    candidate: UserAccount | null,
    password: string,
    options: CredentialCheckOptions,
  ): Promise<UserAccount & { passwordHash: string }> {
    const now = this.clock.now();
    const account = candidate && (candidate.status === 'active' || candidate.status === 'disabled') && candidate.passwordHash ? candidate : null;
    const failures = emailIndex ? await this.store.read((tx) => tx.failures.since(emailIndex, new Date(now.getTime() - LOCKOUT_WINDOW_MS))) : [];
    const lock = lockoutState(failures, now);
    if (lock.locked) {
      if (options.publishFailures) {
        await this.store.transaction(async (tx) => tx.publish(this.failed(account, 'account_locked')));
      }
      throw new ProfileError('ACCOUNT_LOCKED', 'Too many failed sign-ins: try again later', { retryAfterSeconds: lock.retryAfterSeconds });
    }
    const valid = account ? await this.hasher.verify(account.passwordHash as string, password) : await this.hasher.verifyDummy(password);
    if (valid && account) return account as UserAccount & { passwordHash: string };

    await this.store.transaction(async (tx) => {
      if (emailIndex) await tx.failures.record(emailIndex, now);
      if (options.publishFailures) tx.publish(this.failed(account, 'invalid_credentials'));
      const locked = lockedByLatestFailure([...failures, now], now);
      if (account && locked.locked) {
        tx.publish(
          profileEvent(AccountLocked, { userId: account.id, failures: failures.length + 1, lockedUntil: locked.lockedUntil.toISOString() }, account.id),
        );
      }
    });
    throw new ProfileError('INVALID_CREDENTIALS', 'The email or the password is not right');
  }

  failed(account: UserAccount | null, reason: 'invalid_credentials' | 'account_disabled' | 'account_locked') {
    // Unknown emails have no id to key by; the email (or its index) is never published.
    return profileEvent(LoginFailed, { userId: account?.id ?? null, reason }, account?.id ?? 'unknown-account');
  }
}
