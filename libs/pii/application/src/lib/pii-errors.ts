/** Typed failures of the pii use cases; the infrastructure maps them to HTTP / call errors. */
export abstract class PiiError extends Error {
  abstract readonly code: string;
}

export class PersonalDataNotFoundError extends PiiError {
  readonly code = 'PII_NOT_FOUND';
  constructor() {
    super('No personal data is held for this user');
    this.name = 'PersonalDataNotFoundError';
  }
}

export class PersonalDataErasedError extends PiiError {
  readonly code = 'PII_ERASED';
  constructor() {
    super("This user's personal data was erased");
    this.name = 'PersonalDataErasedError';
  }
}

export class EmailTakenError extends PiiError {
  readonly code = 'EMAIL_TAKEN';
  constructor() {
    super('An account with this email exists');
    this.name = 'EmailTakenError';
  }
}

export class ReadForbiddenError extends PiiError {
  readonly code = 'PII_READ_FORBIDDEN';
  constructor() {
    super('You may not read this personal data');
    this.name = 'ReadForbiddenError';
  }
}

export class ReauthenticationFailedError extends PiiError {
  readonly code = 'REAUTHENTICATION_FAILED';
  constructor() {
    super('The password is not correct');
    this.name = 'ReauthenticationFailedError';
  }
}

export class ReauthenticationLockedError extends PiiError {
  readonly code = 'ACCOUNT_LOCKED';
  constructor(readonly retryAfterSeconds: number) {
    super('Too many wrong passwords: try again later');
    this.name = 'ReauthenticationLockedError';
  }
}

export class RotationInProgressError extends PiiError {
  readonly code = 'KEY_ROTATION_IN_PROGRESS';
  constructor() {
    super('A master key rotation is running right now');
    this.name = 'RotationInProgressError';
  }
}

export class IncompleteExportError extends PiiError {
  readonly code = 'EXPORT_INCOMPLETE';
  constructor(readonly module: string, reason: string) {
    super(`The ${module} context did not contribute to the export: ${reason}`);
    this.name = 'IncompleteExportError';
  }
}
