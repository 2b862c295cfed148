import { DomainError } from '@tall/platform/errors';

export type ProgressErrorCode = 'FORBIDDEN' | 'STUDENT_NOT_FOUND';

/** Why progress refuses a request; infrastructure's ProgressErrorMapper gives each code its status. */
export class ProgressError extends DomainError<ProgressErrorCode> {}
