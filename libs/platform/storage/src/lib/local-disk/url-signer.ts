import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidStorageOptionsError } from '../storage-errors';

export type SignedMethod = 'GET' | 'PUT';

export interface SignedUrlClaims {
  method: SignedMethod;
  key: string;
  /** Unix time in seconds after which the URL is refused. */
  expires: number;
  /** Signed for PUT so an upload URL cannot be reused for another media type (as S3 does). */
  contentType?: string;
}

/** The query parameters as they arrive, unparsed: anything may be missing or malformed. */
export interface SignedUrlQuery {
  method: SignedMethod;
  key: string;
  expires: string | undefined;
  signature: string | undefined;
  contentType?: string;
}

export type SignatureFailure = 'STORAGE_URL_SIGNATURE_INVALID' | 'STORAGE_URL_EXPIRED';
export type SignatureCheck = { valid: true; expires: number } | { valid: false; failure: SignatureFailure };

const MIN_SECRET_BYTES = 32;
// A version prefix lets the format change later without old URLs validating under new rules.
const SCHEME = 'tall-local-storage-v1';

/**
 * HMAC-SHA256 signatures for the local-disk driver's URLs. The signed string joins the fields
 * with newlines, which keys and content types cannot contain, so no two claims share one.
 */
export class LocalUrlSigner {
  private readonly secret: Buffer;

  constructor(secret: string | Buffer, private readonly now: () => number = Date.now) {
    this.secret = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
    if (this.secret.length < MIN_SECRET_BYTES) {
      throw new InvalidStorageOptionsError(`The local storage signing secret must be at least ${MIN_SECRET_BYTES} bytes`);
    }
  }

  sign(claims: SignedUrlClaims): string {
    return this.mac(claims).toString('base64url');
  }

  verify(query: SignedUrlQuery): SignatureCheck {
    const invalid: SignatureCheck = { valid: false, failure: 'STORAGE_URL_SIGNATURE_INVALID' };
    if (query.expires === undefined || query.signature === undefined) return invalid;
    if (!/^\d{1,12}$/.test(query.expires)) return invalid;
    if (!/^[A-Za-z0-9_-]{43}$/.test(query.signature)) return invalid;
    const expires = Number(query.expires);
    const expected = this.mac({ method: query.method, key: query.key, expires, contentType: query.contentType });
    const given = Buffer.from(query.signature, 'base64url');
    // Constant time, so response timing does not reveal how many leading bytes were right.
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return invalid;
    // Checked after the signature: an attacker who moves the expiry gets "invalid", not "expired".
    if (Math.floor(this.now() / 1000) >= expires) return { valid: false, failure: 'STORAGE_URL_EXPIRED' };
    return { valid: true, expires };
  }

  private mac(claims: SignedUrlClaims): Buffer {
    const payload = [SCHEME, claims.method, claims.key, String(claims.expires), claims.contentType ?? ''].join('\n');
    return createHmac('sha256', this.secret).update(payload, 'utf8').digest();
  }
}
