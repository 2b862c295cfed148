import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@tall/profile/contracts';

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'TOO_COMMON';

/**
 * Rules for a new password: 8–128 characters and not one of the most common passwords
 * (compared case-insensitively, so `Password1` is as common as `password1`).
 */
export class PasswordRules {
  constructor(private readonly commonPasswords: ReadonlySet<string>) {}

  problemWith(password: string): PasswordProblem | null {
    const length = [...password].length;
    if (length < PASSWORD_MIN_LENGTH) return 'TOO_SHORT';
    if (length > PASSWORD_MAX_LENGTH) return 'TOO_LONG';
    if (this.commonPasswords.has(password.toLowerCase())) return 'TOO_COMMON';
    return null;
  }
}

/** One password per line; blank lines ignored; stored lower-case. */
export function parseCommonPasswords(text: string): Set<string> {
  return new Set(
    text
      .split(/\r?\n/)
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean),
  );
}
