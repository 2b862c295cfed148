// How the AWS SDK v3 reports "not found" and "could not reach the service", for every AWS-backed platform lib.
interface AwsLikeError {
  name?: string;
  code?: string;
  message?: string;
  cause?: unknown;
  $metadata?: { httpStatusCode?: number };
}

const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'TimeoutError',
  'RequestTimeout',
  'CredentialsProviderError',
]);

const NETWORK_ERROR_PATTERN = /\b(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE)\b/;

export function httpStatusOf(error: unknown): number | undefined {
  return (error as AwsLikeError | undefined)?.$metadata?.httpStatusCode;
}

/**
 * True when the service never answered, or answered that it cannot serve (5xx): the caller
 * should report "not ready" rather than treat it as a bug or a missing object.
 */
export function isUnreachableError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const { name, code, message, cause } = error as AwsLikeError;
  if ((code && NETWORK_ERROR_CODES.has(code)) || (name && NETWORK_ERROR_CODES.has(name))) return true;
  const status = httpStatusOf(error);
  if (status !== undefined) return status >= 500;
  // The SDK wraps errors from another realm (e.g. a Jest sandbox) in a plain Error that keeps
  // only the original text, so the socket error code is looked for in the message as well.
  if (message && NETWORK_ERROR_PATTERN.test(message)) return true;
  return isUnreachableError(cause, depth + 1);
}

export function isNotFoundError(error: unknown, ...names: string[]): boolean {
  const name = (error as AwsLikeError | undefined)?.name;
  return httpStatusOf(error) === 404 || (name !== undefined && names.includes(name));
}
