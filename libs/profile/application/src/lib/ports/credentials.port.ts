import type { UserRole } from '@tall/profile/contracts';

/** argon2id hashing; `verifyDummy` spends the same time as a real verify for accounts that do not exist. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  verifyDummy(password: string): Promise<false>;
  needsRehash(hash: string): boolean;
}

/** The HMAC blind index of a normalised email (pii's function, key from Secrets Manager). */
export interface EmailIndexer {
  indexOf(email: string): Promise<string>;
}

export interface PersonalData {
  firstName: string;
  lastName: string;
  email: string;
  birthDate?: string;
  locale?: string;
}

export interface DisplayName {
  firstName: string;
  lastName: string;
}

/** An account's role as pii's read policy needs it. */
export interface AccountRole {
  userId: string;
  role: UserRole;
}

/** The pii context, reached through its call contracts (in-process or over an authenticated call). */
export interface PersonalDataGateway {
  store(userId: string, data: PersonalData): Promise<void>;
  displayNames(userIds: readonly string[], purpose: string): Promise<Map<string, DisplayName>>;
  /** Crypto-shreds the user's personal data now, for the signed-in user themself; idempotent. */
  erase(userId: string): Promise<void>;
  /**
   * Tells pii the roles of accounts it may not know yet, as the system (no user): pii keeps a
   * role it already has. Any number of accounts; returns how many roles pii recorded.
   */
  recordRoles(accounts: readonly AccountRole[]): Promise<number>;
}

export interface Clock {
  now(): Date;
}

export const PASSWORD_HASHER = Symbol('PASSWORD_HASHER');
export const EMAIL_INDEXER = Symbol('EMAIL_INDEXER');
export const PERSONAL_DATA_GATEWAY = Symbol('PERSONAL_DATA_GATEWAY');
export const CLOCK = Symbol('CLOCK');
export const COMMON_PASSWORDS = Symbol('COMMON_PASSWORDS');
