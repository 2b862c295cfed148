/** A content key encrypted at rest, with the version of the key that encrypted it. */
export interface SealedContentKey {
  keyVersion: string;
  /** base64 of nonce, ciphertext and tag. */
  sealed: string;
}

/** Whose content key it is: a sealed key opens only for the student and device it was sealed for. */
export interface ContentKeyBinding {
  userId: string;
  deviceId: string;
}

/** Encrypts devices' content keys at rest under a key held in Secrets Manager (envelope encryption). */
export interface ContentKeyVault {
  seal(contentKey: Buffer, binding: ContentKeyBinding): Promise<SealedContentKey>;
  /** @throws when the sealed key does not authenticate for this binding */
  open(sealed: SealedContentKey, binding: ContentKeyBinding): Promise<Buffer>;
}

export const CONTENT_KEY_VAULT = Symbol('CONTENT_KEY_VAULT');
