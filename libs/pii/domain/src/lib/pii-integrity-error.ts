export type IntegrityFailureKind = 'tampered' | 'wrong-key' | 'malformed';

/**
 * Stored personal data or a wrapped key did not authenticate: changed bytes, a ciphertext moved
 * to another user or field, or the wrong key. Never answered with whatever decryption produced.
 */
export class PiiIntegrityError extends Error {
  constructor(readonly kind: IntegrityFailureKind, what: string) {
    super(`Integrity check failed (${kind}) for ${what}`);
    this.name = 'PiiIntegrityError';
  }
}
