import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { ContentKeyBinding, ContentKeyVault, SealedContentKey } from '@tall/listening/application';
import type { SecretStore, SecretVersion } from '@tall/platform/secrets';

const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const DEFAULT_CONTENT_KEY_SECRET_NAME = 'tall/listening/content-key-master';

/**
 * Devices' content keys at rest: AES-256-GCM under a key-encryption key held in Secrets Manager
 * (created at first use), with a fresh 96-bit nonce each time and the secret's version id stored
 * beside each sealed key, as pii seals its data keys (ADR 18). The student, the device and the
 * version are authenticated with it, so a sealed key copied to another device does not open.
 * Keys live in memory only; a new secret version seals new keys, and old ones still open.
 */
export class SecretContentKeyVault implements ContentKeyVault {
  private readonly keys = new Map<string, Buffer>();

  constructor(
    private readonly secrets: SecretStore,
    private readonly secretName = DEFAULT_CONTENT_KEY_SECRET_NAME,
  ) {}

  async seal(contentKey: Buffer, binding: ContentKeyBinding): Promise<SealedContentKey> {
    const current = await this.secrets.createIfMissing(this.secretName, () => randomBytes(KEY_BYTES).toString('base64'));
    const key = this.adopt(current);
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad(binding, current.versionId));
    const sealed = Buffer.concat([nonce, cipher.update(contentKey), cipher.final(), cipher.getAuthTag()]);
    return { keyVersion: current.versionId, sealed: sealed.toString('base64') };
  }

  async open(sealed: SealedContentKey, binding: ContentKeyBinding): Promise<Buffer> {
    const key = this.keys.get(sealed.keyVersion) ?? this.adopt(await this.secrets.getSecretVersion(this.secretName, sealed.keyVersion));
    const bytes = Buffer.from(sealed.sealed, 'base64');
    if (bytes.length !== NONCE_BYTES + KEY_BYTES + TAG_BYTES) throw new Error('a sealed content key has the wrong length');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, NONCE_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(binding, sealed.keyVersion));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
  }

  private adopt(version: SecretVersion): Buffer {
    let key = this.keys.get(version.versionId);
    if (!key) {
      key = Buffer.from(version.value.trim(), 'base64');
      if (key.length !== KEY_BYTES) throw new Error(`${this.secretName} version ${version.versionId} must hold ${KEY_BYTES} bytes, base64-encoded`);
      this.keys.set(version.versionId, key);
    }
    return key;
  }
}

function aad(binding: ContentKeyBinding, keyVersion: string): Buffer {
  return Buffer.from(`tall.listening.content-key.v1\u0000${binding.userId}\u0000${binding.deviceId}\u0000${keyVersion}`);
}
