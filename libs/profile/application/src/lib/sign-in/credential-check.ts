import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { AccountLocked, LoginFailed } from '@tall/profile/contracts';
import { decidePasswordCheck, lockedByLatestFailure, LOCKOUT_WINDOW_MS, ProfileError, settledFailures, type UserAccount } from '@tall/profile/domain';
import { CLOCK, PASSWORD_HASHER, type Clock, type PasswordHasher } from '../ports/credentials.port';
import { PROFILE_STORE, type ProfileStore } from '../ports/profile-store.port';
import { profileEvent } from '../profile-events';

export interface CredentialCheckOptions {
  /** Sign-ins publish `login.failed`; re-authentication (password change, erase) does not. */
  publishFailures: boolean;
}

/**
 * How long a check waits for the running checks that hold the rest of the budget (one argon2
 * verify each, longer under load) before it is refused; and the pauses between looks.
 */
const WAIT_FOR_RUNNING_CHECKS_MS = 5_000;
const FIRST_PAUSE_MS = 20;
const LONGEST_PAUSE_MS = 200;

/**
 * Checks a password against an account found by email index, or against nothing (unknown
 * email) at the same cost. Failures are counted per email index — known or not, so the lockout
 * itself does not reveal whether an account exists — and five within 15 minutes refuse every
 * further attempt, the right password included, until the window passes.
 *
 * Each check is reserved in PostgreSQL, under a lock on the email, before argon2 runs, and counts
 * as a failure until it is known right; so parallel guesses, on one instance or several, get at
 * most five evaluations between them. A check that finds the budget held by running checks waits
 * for their outcome.
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
    const account = candidate && (candidate.status === 'active' || candidate.status === 'disabled') && candidate.passwordHash ? candidate : null;
    const reservation = emailIndex ? await this.reserve(emailIndex, account, options) : null;
    let valid: boolean;
    try {
      valid = account ? await this.hasher.verify(account.passwordHash as string, password) : await this.hasher.verifyDummy(password);
    } catch (error) {
      // The password was never judged: it must not count against the account.
      if (reservation) await this.store.transaction((tx) => tx.failures.release(reservation)).catch(() => undefined);
      throw error;
    }
    if (valid && account) {
      if (reservation) await this.store.transaction((tx) => tx.failures.release(reservation));
      return account as UserAccount & { passwordHash: string };
    }

    await this.store.transaction(async (tx) => {
      if (options.publishFailures) tx.publish(this.failed(account, 'invalid_credentials'));
      if (!emailIndex || !reservation) return;
      // Under the email's lock, so exactly one failure sees the count reach five.
      await tx.failures.lock(emailIndex);
      await tx.failures.fail(reservation);
      const now = this.clock.now();
      const failures = settledFailures(await tx.failures.since(emailIndex, new Date(now.getTime() - LOCKOUT_WINDOW_MS)), now);
      const locked = lockedByLatestFailure(failures, now);
      if (account && locked.locked) {
        tx.publish(profileEvent(AccountLocked, { userId: account.id, failures: failures.length, lockedUntil: locked.lockedUntil.toISOString() }, account.id));
      }
    });
    throw new ProfileError('INVALID_CREDENTIALS', 'The email or the password is not right');
  }

  failed(account: UserAccount | null, reason: 'invalid_credentials' | 'account_disabled' | 'account_locked') {
    // Unknown emails have no id to key by; the email (or its index) is never published.
    return profileEvent(LoginFailed, { userId: account?.id ?? null, reason }, account?.id ?? 'unknown-account');
  }

  /** Reserves one check of this email's budget; its id. Throws ACCOUNT_LOCKED when the budget is spent. */
  private async reserve(emailIndex: string, account: UserAccount | null, options: CredentialCheckOptions): Promise<string> {
    const started = performance.now();
    for (let round = 0; ; round++) {
      const outcome = await this.store.transaction(async (tx) => {
        await tx.failures.lock(emailIndex);
        const now = this.clock.now();
        const decision = decidePasswordCheck(await tx.failures.since(emailIndex, new Date(now.getTime() - LOCKOUT_WINDOW_MS)), now);
        if (decision.kind === 'evaluate') return { ...decision, reservation: await tx.failures.reserve(emailIndex, now) };
        if (decision.kind === 'locked' && options.publishFailures) tx.publish(this.failed(account, 'account_locked'));
        return decision;
      });
      if (outcome.kind === 'evaluate') return outcome.reservation;
      if (outcome.kind === 'locked') {
        throw new ProfileError('ACCOUNT_LOCKED', 'Too many failed sign-ins: try again later', { retryAfterSeconds: outcome.retryAfterSeconds });
      }
      if (performance.now() - started >= WAIT_FOR_RUNNING_CHECKS_MS) {
        // Still undecided: as busy as a lock for the caller, who may try again in a moment.
        throw new ProfileError('ACCOUNT_LOCKED', 'Too many sign-ins at once: try again later', { retryAfterSeconds: 1 });
      }
      await sleep(Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** round));
    }
  }
}
