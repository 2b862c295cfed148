/** The login index of an email (HMAC under the blind-index key). Throws PiiError `SERVICE_UNAVAILABLE` until the key is held. */
export interface EmailIndexer {
  indexOf(email: string): Promise<string>;
}

export const EMAIL_INDEXER = Symbol('EMAIL_INDEXER');
