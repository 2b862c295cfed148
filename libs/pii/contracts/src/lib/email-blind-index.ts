import { createHmac, randomBytes } from 'node:crypto';

/**
 * The login index of an email: HMAC-SHA256 of the normalised address under a key kept in
 * Secrets Manager. Profile finds an account by it; pii keeps it unique. Both compute it with
 * this function and the key of this secret, so they always agree; neither stores the address
 * in plaintext (pii stores it encrypted).
 */
export const EMAIL_BLIND_INDEX_SECRET = 'tall/pii/email-blind-index-key';

const MIN_KEY_BYTES = 32;

/** Trimmed and lower-cased: `  Ada@Example.ORG ` and `ada@example.org` are one account. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A fresh key, in the form the secret holds it: 32 random bytes, base64. */
export function generateBlindIndexKey(): string {
  return randomBytes(MIN_KEY_BYTES).toString('base64');
}

/**
 * @param key the secret's value (base64) or the decoded key bytes
 * @returns 64 lower-case hex characters
 */
export function emailBlindIndex(key: string | Uint8Array, email: string): string {
  const bytes = typeof key === 'string' ? Buffer.from(key, 'base64') : Buffer.from(key);
  if (bytes.length < MIN_KEY_BYTES) throw new Error(`The email blind-index key must hold at least ${MIN_KEY_BYTES} bytes`);
  return createHmac('sha256', bytes).update(normaliseEmail(email), 'utf8').digest('hex');
}

export const BLIND_INDEX_PATTERN = /^[0-9a-f]{64}$/;
