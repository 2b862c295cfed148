/** What a refusal may carry besides its code: e.g. when to try again, or the conflicting id. */
export interface DomainErrorDetails {
  readonly retryAfterSeconds?: number;
  readonly [key: string]: unknown;
}

/**
 * A use case's typed refusal: a stable machine code from the context's own union, and a human
 * message. Each context extends it once (`ProfileError`, `PiiError`, …); its infrastructure maps
 * the codes to HTTP statuses in one table (`domainErrorMapper` of `@tall/platform/http`), so
 * domain and application code never know about HTTP.
 */
export abstract class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly details?: DomainErrorDetails,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
