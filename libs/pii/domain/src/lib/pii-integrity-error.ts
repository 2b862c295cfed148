import { PiiError } from './pii-error';

export type IntegrityFailureKind = 'tampered' | 'wrong-key' | 'malformed';

/**
 * Stored personal data or a wrapped key did not authenticate: changed bytes, a ciphertext moved
 * to another user or field, or the wrong key. Never answered with whatever decryption produced.
 * `kind` and `what` are for the integrity monitor; the client only learns the code.
 */
export class PiiIntegrityError extends PiiError {
  constructor(
    readonly kind: IntegrityFailureKind,
    readonly what: string,
  ) {
    super('PII_INTEGRITY_FAILURE');
  }
}
