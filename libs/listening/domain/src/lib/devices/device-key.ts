import { constants, createHash, createPublicKey, publicEncrypt, randomBytes, type KeyObject } from 'node:crypto';
import type { DevicePublicKey } from '@tall/listening/contracts';

export const MIN_DEVICE_KEY_BITS = 2048;
export const MAX_DEVICE_KEY_BITS = 4096;
/** A content key: 256 random bits, for AES-256-GCM. */
export const CONTENT_KEY_BYTES = 32;

/** A public key Tall will not wrap a content key for. */
export class DeviceKeyRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeviceKeyRejectedError';
  }
}

/**
 * Reads the device's RSA public key and checks what the schema cannot: that it is a key at all,
 * and that its modulus has 2048 to 4096 bits.
 */
export function deviceKeyObject(jwk: DevicePublicKey): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: { kty: jwk.kty, n: jwk.n, e: jwk.e }, format: 'jwk' });
  } catch (error) {
    throw new DeviceKeyRejectedError(`Not an RSA public key: ${error instanceof Error ? error.message : String(error)}`);
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (key.asymmetricKeyType !== 'rsa' || bits < MIN_DEVICE_KEY_BITS || bits > MAX_DEVICE_KEY_BITS) {
    throw new DeviceKeyRejectedError(`An RSA key of ${MIN_DEVICE_KEY_BITS} to ${MAX_DEVICE_KEY_BITS} bits is needed; this one has ${bits}`);
  }
  return key;
}

/** RFC 7638: the SHA-256 of the key's required members in lexicographic order, base64url. */
export function jwkThumbprint(jwk: Pick<DevicePublicKey, 'e' | 'kty' | 'n'>): string {
  return createHash('sha256').update(JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n })).digest('base64url');
}

export function generateContentKey(): Buffer {
  return randomBytes(CONTENT_KEY_BYTES);
}

/** The content key encrypted for the device: RSA-OAEP with SHA-256 (WebCrypto's `RSA-OAEP` with `hash: 'SHA-256'` unwraps it). */
export function wrapContentKey(jwk: DevicePublicKey, contentKey: Buffer): Buffer {
  return publicEncrypt({ key: deviceKeyObject(jwk), padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, contentKey);
}
