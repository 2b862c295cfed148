/** One immutable version of a secret. */
export interface SecretVersion {
  name: string;
  versionId: string;
  value: string;
  createdAt?: Date;
}

/**
 * Named, versioned secrets. Versions are immutable and stay readable by id after a newer
 * version becomes current: that is what lets key rotation work without downtime. A caller
 * that encrypts under a secret records `versionId` beside its ciphertext (e.g. a data key
 * wrapped under master key version X) and later decrypts with `getSecretVersion(name, X)`,
 * while new material is wrapped under whatever `getSecret(name)` returns now.
 *
 * Retention: the local file keeps every version. AWS keeps the current and previous version
 * labelled and older ones until a secret has more than 100 versions, so material wrapped under
 * an old version must be re-wrapped within that many rotations.
 */
export interface SecretStore {
  /** The current version, with its id. @throws SecretNotFoundError */
  getSecret(name: string): Promise<SecretVersion>;
  /** @throws SecretNotFoundError when the secret or that version does not exist */
  getSecretVersion(name: string, versionId: string): Promise<SecretVersion>;
  /** Stores a new version and makes it current; creates the secret if needed. Returns the version id. */
  putSecret(name: string, value: string): Promise<string>;
  /**
   * Returns the current version, creating the secret with `generate()` when it does not exist.
   * Race-safe: when several instances call this at once, all get the one value that was stored.
   */
  createIfMissing(name: string, generate: () => string): Promise<SecretVersion>;
  /** Version ids, oldest first. @throws SecretNotFoundError */
  listVersionIds(name: string): Promise<string[]>;
  /** For readiness probes. @throws SecretStoreUnavailableError */
  checkReachable(): Promise<void>;
}

/** Nest injection token for the configured `SecretStore`. */
export const SECRET_STORE = Symbol.for('tall.platform.secrets.SecretStore');
