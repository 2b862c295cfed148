import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { UserCreated, UserDeleted, type UserRole } from '@tall/profile/contracts';
import { PasswordRules, ProfileError, type UserAccount } from '@tall/profile/domain';
import {
  CLOCK,
  COMMON_PASSWORDS,
  EMAIL_INDEXER,
  PASSWORD_HASHER,
  PERSONAL_DATA_GATEWAY,
  type Clock,
  type EmailIndexer,
  type PasswordHasher,
  type PersonalData,
  type PersonalDataGateway,
} from '../ports/credentials.port';
import { PROFILE_STORE, type ProfileStore, type ProfileTx } from '../ports/profile-store.port';
import { profileEvent } from '../profile-events';

/** A registration that never finished (a crash between its steps) frees its email after this long. */
export const ABANDONED_REGISTRATION_MS = 10 * 60 * 1000;

export interface NewAccount {
  role: UserRole;
  password: string;
  personal: PersonalData;
  origin: 'registration' | 'admin' | 'bootstrap';
}

/**
 * Creates accounts in three steps, so personal data never sits in profile and an email is never
 * taken twice: (1) reserve the email's blind index with a `pending` account, (2) hand the
 * personal fields to pii, (3) activate the account and publish `user.created` — plus whatever
 * `onActivated` adds in that same transaction (the first session, for a self-registration).
 * If pii refuses, the reservation is dropped.
 */
@Injectable()
export class AccountCreation {
  private readonly rules: PasswordRules;

  constructor(
    @Inject(PROFILE_STORE) private readonly store: ProfileStore,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(EMAIL_INDEXER) private readonly emails: EmailIndexer,
    @Inject(PERSONAL_DATA_GATEWAY) private readonly personalData: PersonalDataGateway,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(COMMON_PASSWORDS) commonPasswords: ReadonlySet<string>,
  ) {
    this.rules = new PasswordRules(commonPasswords);
  }

  checkPassword(password: string): void {
    const problem = this.rules.problemWith(password);
    if (problem === 'TOO_SHORT') throw new ProfileError('PASSWORD_TOO_SHORT', 'The password needs at least 8 characters');
    if (problem === 'TOO_LONG') throw new ProfileError('PASSWORD_TOO_LONG', 'The password may have at most 128 characters');
    if (problem === 'TOO_COMMON') throw new ProfileError('PASSWORD_TOO_COMMON', 'This password is too common: choose another one');
  }

  async create<T>(account: NewAccount, onActivated?: (tx: ProfileTx, user: UserAccount) => Promise<T>): Promise<{ user: UserAccount; extra: T | undefined }> {
    this.checkPassword(account.password);
    const emailIndex = await this.emails.indexOf(account.personal.email);
    const passwordHash = await this.hasher.hash(account.password);
    const now = this.clock.now();
    const user: UserAccount = {
      id: randomUUID(),
      role: account.role,
      status: 'pending',
      createdAt: now,
      updatedAt: now,
      emailIndex,
      passwordHash,
    };

    await this.store.transaction(async (tx) => {
      await this.releaseAbandoned(tx, emailIndex, now);
      if (!(await tx.users.insertIfEmailFree(user))) throw new ProfileError('EMAIL_TAKEN', 'An account with this email already exists');
    });

    try {
      await this.personalData.store(user.id, account.personal);
    } catch (error) {
      await this.store.transaction((tx) => tx.users.remove(user.id)).catch(() => undefined);
      throw error;
    }

    const extra = await this.store.transaction(async (tx) => {
      const activatedAt = this.clock.now();
      await tx.users.update(user.id, { status: 'active', updatedAt: activatedAt });
      tx.publish(profileEvent(UserCreated, { userId: user.id, role: user.role, origin: account.origin, createdAt: user.createdAt.toISOString() }, user.id));
      return onActivated ? onActivated(tx, { ...user, status: 'active' }) : undefined;
    });
    return { user: { ...user, status: 'active' }, extra };
  }

  /**
   * A crash between the steps leaves a `pending` account holding the email. After a while it
   * is dropped, and `user.deleted` tells pii to erase whatever it may have stored for it.
   */
  private async releaseAbandoned(tx: ProfileTx, emailIndex: string, now: Date): Promise<void> {
    const abandoned = await tx.users.findAbandonedRegistration(emailIndex, new Date(now.getTime() - ABANDONED_REGISTRATION_MS));
    if (!abandoned) return;
    await tx.users.remove(abandoned.id);
    tx.publish(profileEvent(UserDeleted, { userId: abandoned.id, role: abandoned.role, deletedAt: now.toISOString() }, abandoned.id));
  }
}
