import { constants, generateKeyPairSync, privateDecrypt, type KeyObject } from 'node:crypto';
import type { DevicePublicKey } from '@tall/listening/contracts';

/** A desktop client's key pair, its public half as WebCrypto exports it. */
export function deviceKeys(modulusLength = 2048): { publicKey: DevicePublicKey; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength });
  const jwk = publicKey.export({ format: 'jwk' }) as { n: string };
  return { publicKey: { kty: 'RSA', alg: 'RSA-OAEP-256', n: jwk.n, e: 'AQAB', ext: true, key_ops: ['encrypt'] }, privateKey };
}

/** What the device does with a wrapped content key (WebCrypto's RSA-OAEP with SHA-256). */
export function unwrapContentKey(privateKey: KeyObject, wrappedKey: string): Buffer {
  return privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(wrappedKey, 'base64url'));
}
