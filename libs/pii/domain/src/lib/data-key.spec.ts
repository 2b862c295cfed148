import { randomUUID } from 'node:crypto';
import { generateDataKey, generateMasterKeyMaterial, parseMasterKey, rewrapDataKey, unwrapDataKey, wrapDataKey } from './data-key';
import { decryptField, encryptField } from './field-cipher';
import { PiiIntegrityError } from './pii-integrity-error';

const userId = randomUUID();
const masterV1 = parseMasterKey('v1', generateMasterKeyMaterial());
const masterV2 = parseMasterKey('v2', generateMasterKeyMaterial());

describe('data keys wrapped by the master key', () => {
  it('unwraps what it wrapped, for the same user and key id', () => {
    const key = generateDataKey();
    const unwrapped = unwrapDataKey(masterV1, userId, key.id, wrapDataKey(masterV1, userId, key));
    expect(unwrapped.material.equals(key.material)).toBe(true);
  });

  it('refuses another master key version, another user, another key id and changed bytes', () => {
    const key = generateDataKey();
    const wrapped = wrapDataKey(masterV1, userId, key);
    expect(() => unwrapDataKey(masterV2, userId, key.id, wrapped)).toThrow(PiiIntegrityError);
    expect(() => unwrapDataKey(masterV1, randomUUID(), key.id, wrapped)).toThrow(PiiIntegrityError);
    expect(() => unwrapDataKey(masterV1, userId, randomUUID(), wrapped)).toThrow(PiiIntegrityError);
    for (let index = 0; index < wrapped.length; index++) {
      const tampered = Buffer.from(wrapped);
      tampered[index] ^= 0x04;
      expect(() => unwrapDataKey(masterV1, userId, key.id, tampered)).toThrow(PiiIntegrityError);
    }
  });

  it('re-wraps under a new master key version and fields written before still read', () => {
    const key = generateDataKey();
    const field = encryptField(key, userId, 'firstName', 'Ada');
    const rewrapped = rewrapDataKey(masterV1, masterV2, userId, key.id, wrapDataKey(masterV1, userId, key));
    const unwrapped = unwrapDataKey(masterV2, userId, key.id, rewrapped);
    expect(decryptField(unwrapped, userId, 'firstName', field)).toBe('Ada');
    expect(() => unwrapDataKey(masterV1, userId, key.id, rewrapped)).toThrow(PiiIntegrityError);
  });

  it('refuses master key material of the wrong size', () => {
    expect(() => parseMasterKey('v3', Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
