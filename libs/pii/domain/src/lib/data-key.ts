import { randomBytes, randomUUID } from 'node:crypto';
import { KEY_BYTES, NONCE_BYTES, open, seal, TAG_BYTES } from './aes-gcm';
import { PiiIntegrityError } from './pii-integrity-error';

/** A user's own key: every personal field of that user is encrypted under it, and only under it. */
export interface DataKey {
  /** uuid; written into every ciphertext made with this key. */
  readonly id: string;
  readonly material: Buffer;
}

/** One version of the master key (Secrets Manager); it only ever encrypts data keys. */
export interface MasterKey {
  readonly versionId: string;
  readonly material: Buffer;
}

export function generateDataKey(): DataKey {
  return { id: randomUUID(), material: randomBytes(KEY_BYTES) };
}

export function generateMasterKeyMaterial(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

export function parseMasterKey(versionId: string, secretValue: string): MasterKey {
  const material = Buffer.from(secretValue.trim(), 'base64');
  if (material.length !== KEY_BYTES) {
    throw new Error(`Master key version ${versionId} must hold ${KEY_BYTES} bytes, base64-encoded`);
  }
  return { versionId, material };
}

const WRAP_FORMAT = 1;

/** A data key encrypted under a master key version; bound to its user and key id. */
export function wrapDataKey(master: MasterKey, userId: string, key: DataKey): Buffer {
  const sealed = seal(master.material, key.material, wrapAad(master.versionId, userId, key.id));
  return Buffer.concat([Buffer.from([WRAP_FORMAT]), sealed.nonce, sealed.ciphertext, sealed.tag]);
}

/** @throws PiiIntegrityError when the wrapped key was changed, moved, or wrapped under another master key */
export function unwrapDataKey(master: MasterKey, userId: string, keyId: string, wrapped: Buffer): DataKey {
  const what = `the data key of user ${userId}`;
  if (wrapped.length !== 1 + NONCE_BYTES + KEY_BYTES + TAG_BYTES || wrapped[0] !== WRAP_FORMAT) {
    throw new PiiIntegrityError('malformed', what);
  }
  const material = open(
    master.material,
    {
      nonce: wrapped.subarray(1, 1 + NONCE_BYTES),
      ciphertext: wrapped.subarray(1 + NONCE_BYTES, 1 + NONCE_BYTES + KEY_BYTES),
      tag: wrapped.subarray(1 + NONCE_BYTES + KEY_BYTES),
    },
    wrapAad(master.versionId, userId, keyId),
  );
  if (!material) throw new PiiIntegrityError('tampered', what);
  return { id: keyId, material };
}

/** Re-encrypts a data key under another master key version; the data key itself is unchanged. */
export function rewrapDataKey(from: MasterKey, to: MasterKey, userId: string, keyId: string, wrapped: Buffer): Buffer {
  return wrapDataKey(to, userId, unwrapDataKey(from, userId, keyId, wrapped));
}

function wrapAad(masterVersion: string, userId: string, keyId: string): Buffer {
  return Buffer.from(`tall.pii.data-key.v1|${masterVersion}|${userId}|${keyId}`, 'utf8');
}
