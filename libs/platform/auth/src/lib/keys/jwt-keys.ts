import type { KeyObject } from 'node:crypto';
import type { SecretStore } from '@tall/platform/secrets';
import { SigningKeyUnavailableError } from '../auth-errors';
import { generateKeySetSecret, parseJwks, parseKeySetSecret, type LoadedKeySet, type PublicJwk, type SigningKey } from './jwt-key-set';

/** Where a process gets its keys: the secret (the issuer, or any process allowed to read it) or the issuer's JWKS. */
export type JwtKeySource =
  | { kind: 'secret'; store: SecretStore; secretName: string; withSigningKey: boolean }
  | { kind: 'jwks'; url: string; fetch?: typeof fetch };

export interface JwtKeysOptions {
  /** How long an unknown `kid` waits before the keys are reloaded again (a rotation elsewhere). */
  reloadAfterMs?: number;
}

/**
 * The access-token keys of this process. The issuer (profile) creates the Ed25519 key set in
 * Secrets Manager at first start and signs with its current key; every other module only
 * verifies, with public keys. An unknown `kid` makes it reload (rate-limited), so a key
 * rotated by another instance is picked up without a restart.
 */
export class JwtKeys {
  private lastLoad = 0;
  private reloading: Promise<void> | undefined;

  private constructor(
    private readonly source: JwtKeySource,
    private keys: LoadedKeySet,
    private readonly options: Required<JwtKeysOptions>,
  ) {
    this.lastLoad = Date.now();
  }

  static async load(source: JwtKeySource, options: JwtKeysOptions = {}): Promise<JwtKeys> {
    return new JwtKeys(source, await JwtKeys.read(source), { reloadAfterMs: options.reloadAfterMs ?? 30_000 });
  }

  /** Keys built in memory, for tests. */
  static fromKeySet(keys: LoadedKeySet): JwtKeys {
    return new JwtKeys({ kind: 'jwks', url: 'memory:' }, keys, { reloadAfterMs: Number.POSITIVE_INFINITY });
  }

  get canSign(): boolean {
    return this.keys.signing !== undefined;
  }

  signingKey(): SigningKey {
    if (!this.keys.signing) throw new SigningKeyUnavailableError('This process verifies access tokens but does not issue them');
    return this.keys.signing;
  }

  /** The public keys, as served at the JWKS endpoint. */
  jwks(): { keys: PublicJwk[] } {
    return { keys: this.keys.jwks.map((key) => ({ ...key })) };
  }

  async verificationKey(kid: string | undefined): Promise<KeyObject | undefined> {
    if (!kid) return undefined;
    const known = this.keys.publicKeys.get(kid);
    if (known) return known;
    if (Date.now() - this.lastLoad < this.options.reloadAfterMs) return undefined;
    await this.reload();
    return this.keys.publicKeys.get(kid);
  }

  private reload(): Promise<void> {
    this.reloading ??= JwtKeys.read(this.source)
      .then((keys) => {
        this.keys = keys;
      })
      .catch(() => undefined)
      .finally(() => {
        this.lastLoad = Date.now();
        this.reloading = undefined;
      });
    return this.reloading;
  }

  private static async read(source: JwtKeySource): Promise<LoadedKeySet> {
    if (source.kind === 'jwks') {
      const response = await (source.fetch ?? fetch)(source.url, { signal: AbortSignal.timeout(5_000) });
      if (!response.ok) throw new Error(`JWKS at ${source.url} answered ${response.status}`);
      return parseJwks(await response.json());
    }
    // Whoever starts first creates the key set (race-safe), so processes need not start in order;
    // a verify-only process drops the private key as soon as it is parsed.
    const secret = await source.store.createIfMissing(source.secretName, () => generateKeySetSecret());
    return parseKeySetSecret(secret.value, { withSigningKey: source.withSigningKey });
  }
}
