import { randomBytes, randomUUID } from 'node:crypto';
import { generateDataKey } from './data-key';
import { decryptField, encryptField, fieldKeyId, fieldNonce } from './field-cipher';
import { PiiIntegrityError } from './pii-integrity-error';

const userId = randomUUID();

function integrityKind(action: () => unknown): string {
  try {
    action();
    return 'accepted';
  } catch (error) {
    return error instanceof PiiIntegrityError ? error.kind : `unexpected: ${String(error)}`;
  }
}

describe('field cipher (AES-256-GCM under the user’s data key)', () => {
  const key = generateDataKey();

  it('round-trips any text and names its key in the ciphertext', () => {
    for (const text of ['Ada', 'Łucja Nowak-Żółć', '', 'ابراهيم', 'x'.repeat(500)]) {
      const stored = encryptField(key, userId, 'firstName', text);
      expect(fieldKeyId(stored)).toBe(key.id);
      expect(stored.includes(Buffer.from(text)) && text.length > 3).toBe(false);
      expect(decryptField(key, userId, 'firstName', stored)).toBe(text);
    }
  });

  it('rejects every single changed byte, at every position', () => {
    const stored = encryptField(key, userId, 'email', 'ada@example.org');
    const kinds = new Set<string>();
    for (let index = 0; index < stored.length; index++) {
      for (const flip of [0x01, 0x80]) {
        const tampered = Buffer.from(stored);
        tampered[index] ^= flip;
        kinds.add(integrityKind(() => decryptField(key, userId, 'email', tampered)));
      }
    }
    expect(kinds.has('accepted')).toBe(false);
    expect([...kinds].every((kind) => ['tampered', 'wrong-key', 'malformed'].includes(kind))).toBe(true);
  });

  it('rejects truncated, extended and empty ciphertexts', () => {
    const stored = encryptField(key, userId, 'email', 'ada@example.org');
    expect(integrityKind(() => decryptField(key, userId, 'email', stored.subarray(0, stored.length - 1)))).toBe('tampered');
    expect(integrityKind(() => decryptField(key, userId, 'email', Buffer.concat([stored, Buffer.from([0])])))).toBe('tampered');
    expect(integrityKind(() => decryptField(key, userId, 'email', Buffer.alloc(0)))).toBe('malformed');
    expect(integrityKind(() => decryptField(key, userId, 'email', randomBytes(64)))).not.toBe('accepted');
  });

  it('rejects the wrong key: another key id, or the right id with other key material', () => {
    const stored = encryptField(key, userId, 'lastName', 'Lovelace');
    expect(integrityKind(() => decryptField(generateDataKey(), userId, 'lastName', stored))).toBe('wrong-key');
    expect(integrityKind(() => decryptField({ id: key.id, material: randomBytes(32) }, userId, 'lastName', stored))).toBe('tampered');
  });

  it('rejects a ciphertext moved to another field or another user', () => {
    const stored = encryptField(key, userId, 'firstName', 'Ada');
    expect(integrityKind(() => decryptField(key, userId, 'lastName', stored))).toBe('tampered');
    expect(integrityKind(() => decryptField(key, randomUUID(), 'firstName', stored))).toBe('tampered');
  });

  it('never repeats a nonce in 10⁶ encryptions', () => {
    const seen = new Set<string>();
    const count = 1_000_000;
    for (let index = 0; index < count; index++) {
      seen.add(fieldNonce(encryptField(key, userId, 'locale', 'nl')).toString('base64'));
    }
    expect(seen.size).toBe(count);
  }, 120_000);
});
