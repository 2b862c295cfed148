import { sign as signBytes, verify as verifyBytes, type KeyObject } from 'node:crypto';

/**
 * Ed25519 compact JWS with node:crypto, synchronously on the calling thread. WebCrypto (which
 * jose uses) runs each signature on libuv's thread pool, where it queues behind the argon2id
 * hashes of sign-ins: under a sign-in storm every authenticated request then waited tens of
 * milliseconds for a 50 µs check. The JOSE rules stay the ones of RFC 7515/7519; only the
 * signature primitive is called directly.
 */
export function signCompact(header: Record<string, unknown>, payload: Record<string, unknown>, privateKey: KeyObject): string {
  const signingInput = `${encode(header)}.${encode(payload)}`;
  return `${signingInput}.${signBytes(null, Buffer.from(signingInput), privateKey).toString('base64url')}`;
}

export interface DecodedCompact {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

/** Splits and decodes; undefined for anything that is not three base64url parts of JSON objects. */
export function decodeCompact(token: string): DecodedCompact | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) return undefined;
  const header = decodeObject(parts[0]);
  const payload = decodeObject(parts[1]);
  if (!header || !payload) return undefined;
  return { header, payload, signingInput: `${parts[0]}.${parts[1]}`, signature: Buffer.from(parts[2], 'base64url') };
}

export function verifySignature(decoded: DecodedCompact, publicKey: KeyObject): boolean {
  // Ed25519 signatures are 64 bytes; anything else cannot verify.
  return decoded.signature.length === 64 && verifyBytes(null, Buffer.from(decoded.signingInput), publicKey, decoded.signature);
}

function encode(value: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decodeObject(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
