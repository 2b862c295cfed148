import { DomainError, type DomainErrorDetails } from '@tall/platform/errors';

/** What a pii use case can refuse, by stable code; `pii-error.mapper.ts` gives each its status. */
export type PiiErrorCode =
  | 'PII_NOT_FOUND'
  | 'PII_ERASED'
  | 'EMAIL_TAKEN'
  | 'FORBIDDEN'
  | 'KEY_ROTATION_IN_PROGRESS'
  | 'ROTATION_TOO_SOON'
  | 'EXPORT_INCOMPLETE'
  | 'PII_INTEGRITY_FAILURE'
  | 'BIRTH_DATE_OUT_OF_RANGE'
  | 'SERVICE_UNAVAILABLE';

// One message per code: clients have always received exactly these, whichever use case refused.
const MESSAGES: { readonly [C in PiiErrorCode]: string } = {
  PII_NOT_FOUND: 'No personal data is held for this user',
  PII_ERASED: "This user's personal data was erased",
  EMAIL_TAKEN: 'An account with this email exists',
  FORBIDDEN: 'You may not read this personal data',
  KEY_ROTATION_IN_PROGRESS: 'A master key rotation is running right now',
  ROTATION_TOO_SOON: 'The master key was rotated less than an hour ago: rotate again after nextAllowedAt, or with force: true',
  EXPORT_INCOMPLETE: 'The export could not be completed; nothing was left out silently',
  PII_INTEGRITY_FAILURE: 'Stored personal data failed its integrity check and was not returned',
  BIRTH_DATE_OUT_OF_RANGE: 'The birth date must be between 1900-01-01 and today',
  SERVICE_UNAVAILABLE: 'A service Tall depends on is unavailable: secrets',
};

/**
 * A pii refusal. `SERVICE_UNAVAILABLE`: the keys in Secrets Manager cannot be reached.
 * `ROTATION_TOO_SOON` carries `lastRotationAt`, `nextAllowedAt` and `retryAfterSeconds`.
 */
export class PiiError extends DomainError<PiiErrorCode> {
  constructor(code: PiiErrorCode, details?: DomainErrorDetails) {
    super(code, MESSAGES[code], details);
  }
}
