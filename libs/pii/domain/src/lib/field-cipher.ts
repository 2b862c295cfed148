import { NONCE_BYTES, open, seal, TAG_BYTES } from './aes-gcm';
import type { DataKey } from './data-key';
import { PiiIntegrityError } from './pii-integrity-error';

/**
 * One encrypted personal field. Layout (bytes):
 *
 *   [0]      format (1)
 *   [1..16]  id of the data key it was made with (uuid)
 *   [17..28] 96-bit random nonce
 *   [29..-16] AES-256-GCM ciphertext
 *   [-16..]  GCM tag
 *
 * The header, the user id and the field name are authenticated as associated data, so a
 * ciphertext copied to another user or field, or given another key id, fails to open.
 */
const FORMAT = 1;
const KEY_ID_BYTES = 16;
const HEADER_BYTES = 1 + KEY_ID_BYTES;
const MIN_LENGTH = HEADER_BYTES + NONCE_BYTES + TAG_BYTES;

export function encryptField(key: DataKey, userId: string, field: string, plaintext: string): Buffer {
  const header = Buffer.concat([Buffer.from([FORMAT]), uuidBytes(key.id)]);
  const sealed = seal(key.material, Buffer.from(plaintext, 'utf8'), aad(header, userId, field));
  return Buffer.concat([header, sealed.nonce, sealed.ciphertext, sealed.tag]);
}

/** @throws PiiIntegrityError — never returns bytes that did not authenticate */
export function decryptField(key: DataKey, userId: string, field: string, stored: Buffer): string {
  const what = `field ${field} of user ${userId}`;
  if (stored.length < MIN_LENGTH || stored[0] !== FORMAT) throw new PiiIntegrityError('malformed', what);
  const header = stored.subarray(0, HEADER_BYTES);
  if (fieldKeyId(stored) !== key.id) throw new PiiIntegrityError('wrong-key', what);
  const plaintext = open(
    key.material,
    {
      nonce: stored.subarray(HEADER_BYTES, HEADER_BYTES + NONCE_BYTES),
      ciphertext: stored.subarray(HEADER_BYTES + NONCE_BYTES, stored.length - TAG_BYTES),
      tag: stored.subarray(stored.length - TAG_BYTES),
    },
    aad(header, userId, field),
  );
  if (!plaintext) throw new PiiIntegrityError('tampered', what);
  return plaintext.toString('utf8');
}

/** The id of the data key a stored field was encrypted with. */
export function fieldKeyId(stored: Buffer): string {
  const hex = stored.subarray(1, HEADER_BYTES).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The nonce of a stored field (tests check they never repeat). */
export function fieldNonce(stored: Buffer): Buffer {
  return stored.subarray(HEADER_BYTES, HEADER_BYTES + NONCE_BYTES);
}

function aad(header: Buffer, userId: string, field: string): Buffer {
  return Buffer.concat([header, Buffer.from(`|tall.pii.field.v1|${userId}|${field}`, 'utf8')]);
}

function uuidBytes(id: string): Buffer {
  const hex = id.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error('A data key id must be a uuid');
  return Buffer.from(hex, 'hex');
}
