import { constants, generateKeyPairSync, privateDecrypt } from 'node:crypto';
import type { DevicePublicKey } from '@tall/listening/contracts';
import { CONTENT_KEY_BYTES, deviceKeyObject, DeviceKeyRejectedError, generateContentKey, jwkThumbprint, wrapContentKey } from './device-key';

function devicePair(modulusLength: number, publicExponent = 0x10001) {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength, publicExponent });
  const jwk = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  return { jwk: { kty: 'RSA', alg: 'RSA-OAEP-256', n: jwk.n, e: jwk.e } as DevicePublicKey, privateKey };
}

describe('device keys', () => {
  const device = devicePair(2048);

  it('wraps a fresh 256-bit content key so that only the device’s private key unwraps it (RSA-OAEP, SHA-256)', () => {
    const contentKey = generateContentKey();
    expect(contentKey).toHaveLength(CONTENT_KEY_BYTES);
    expect(generateContentKey().equals(contentKey)).toBe(false);
    const wrapped = wrapContentKey(device.jwk, contentKey);
    expect(wrapped).toHaveLength(256);
    expect(privateDecrypt({ key: device.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, wrapped).equals(contentKey)).toBe(true);
    // Not SHA-1 OAEP (Node's default): a device unwrapping with SHA-1 fails.
    expect(() => privateDecrypt({ key: device.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING }, wrapped)).toThrow();
  });

  it('refuses a modulus shorter than 2048 bits, and bytes that are no key', () => {
    const short = devicePair(1024);
    expect(() => deviceKeyObject(short.jwk)).toThrow(/2048 to 4096 bits.*1024/);
    expect(() => deviceKeyObject({ ...device.jwk, n: 'A'.repeat(342) })).toThrow(DeviceKeyRejectedError);
  });

  it('names a key by its RFC 7638 thumbprint', () => {
    // The example of RFC 7638, section 3.1.
    const rfc = {
      kty: 'RSA' as const,
      e: 'AQAB' as const,
      n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
    };
    expect(jwkThumbprint(rfc)).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });
});
