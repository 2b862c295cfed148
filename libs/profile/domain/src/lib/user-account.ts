import type { UserRole } from '@tall/profile/contracts';

/**
 * `pending`: registration started (the email index is reserved) but personal data is not yet
 * stored with pii; never visible outside profile and cannot sign in.
 */
export type AccountStatus = 'pending' | 'active' | 'disabled' | 'deleted';

export interface UserAccount {
  id: string;
  role: UserRole;
  status: AccountStatus;
  createdAt: Date;
  updatedAt: Date;
  /** HMAC blind index of the normalised email (pii's function); null once the account is erased. */
  emailIndex: string | null;
  /** argon2id PHC string; null once the account is erased. */
  passwordHash: string | null;
}

/** A user as other contexts and the API may see it. */
export function publicStatus(status: AccountStatus): 'active' | 'disabled' | 'deleted' {
  return status === 'pending' ? 'disabled' : status;
}
