import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { CallPrincipalSchema, type CallPrincipal } from '@tall/platform/call-contracts';
import { SecretNotFoundError, type SecretStore } from '@tall/platform/secrets';

/**
 * Short-lived service tokens for calls between Tall processes: a compact JWT (HS256) signed
 * with a key shared through Secrets Manager. The header's `kid` is the secret's version id, so
 * the key can be rotated in Secrets Manager: new tokens use the current version, and tokens
 * signed a moment earlier still verify with theirs. A token names its audience (the called
 * module), the one call it authorises and a hash of that call's input, and lives for a minute.
 * Each token is accepted once per process (its `jti` is remembered until it expires): a token
 * copied off the wire can neither be replayed nor carry another input.
 */
export const SERVICE_TOKEN_TYPE = 'tall-rpc+jwt';
export const SERVICE_TOKEN_ISSUER = 'tall';
const ALGORITHM = 'HS256';
const MIN_KEY_BYTES = 32;
const KID = /^[A-Za-z0-9_.:-]{1,128}$/;
/** An unknown `kid` is asked of the store at most once per this many ms. */
const UNKNOWN_KID_BACKOFF_MS = 60_000;
/**
 * After a lookup found no such version, unknown `kid`s are not looked up for this many ms: the
 * lookup happens before the signature can be checked, so forged tokens with ever new `kid`s must
 * not each cost a call to Secrets Manager. Lookups that find their version (after a rotation) do
 * not hold the next one back; during a flood of forged ones, a new version waits at most this long.
 */
const UNKNOWN_KID_LOOKUP_INTERVAL_MS = 5_000;
const MAX_REMEMBERED_MISSES = 1_000;
/** Token ids remembered against replay: far more than a minute of calls between processes. */
const MAX_REMEMBERED_TOKEN_IDS = 200_000;

/** The hash a token binds its call's input with: SHA-256 of the input's JSON (`null` for none), base64url. */
export function inputHash(input: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(input === undefined ? null : input))
    .digest('base64url');
}

export function audienceOf(module: string): string {
  return `tall-rpc:${module}`;
}

export interface ServiceTokenRequest {
  /** The module providing the call. */
  module: string;
  /** The call's full name, `<module>.<call>`. */
  call: string;
  principal?: CallPrincipal;
  /** The calling module, when it named itself. */
  caller?: string;
  /** The call's input, exactly as it is sent (bound by its hash). */
  input?: unknown;
}

export interface VerifiedServiceToken {
  call: string;
  principal?: CallPrincipal;
  caller?: string;
  tokenId: string;
}

export class ServiceTokenError extends Error {
  constructor(readonly reason: string) {
    super(`Invalid service token: ${reason}`);
    this.name = 'ServiceTokenError';
  }
}

export interface ServiceTokensOptions {
  secretName: string;
  ttlSeconds?: number;
  clockToleranceSeconds?: number;
  now?: () => number;
}

interface Claims {
  iss: string;
  aud: string;
  call: string;
  iat: number;
  exp: number;
  jti: string;
  /** inputHash() of the call's input. */
  ih: string;
  principal?: CallPrincipal;
  caller?: string;
}

export class ServiceTokens {
  private readonly ttlSeconds: number;
  private readonly toleranceSeconds: number;
  private readonly now: () => number;
  private readonly keys = new Map<string, Buffer>();
  private readonly misses = new Map<string, number>();
  /** Lookups of unknown kids, one after the other. */
  private lookups: Promise<unknown> = Promise.resolve();
  /** When a lookup last found no such key version. */
  private lastMissAt = Number.NEGATIVE_INFINITY;
  private readonly seenTokenIds: LRUCache<string, true>;

  constructor(private readonly secrets: SecretStore, private readonly options: ServiceTokensOptions) {
    this.ttlSeconds = options.ttlSeconds ?? 60;
    this.toleranceSeconds = options.clockToleranceSeconds ?? 5;
    this.now = options.now ?? Date.now;
    const now = this.now;
    this.seenTokenIds = new LRUCache<string, true>({ max: MAX_REMEMBERED_TOKEN_IDS, ttlAutopurge: false, perf: { now } });
  }

  async sign(request: ServiceTokenRequest): Promise<string> {
    // The first process to sign creates the shared key; every other one adopts it.
    const current = await this.secrets.createIfMissing(this.options.secretName, () => randomBytes(MIN_KEY_BYTES).toString('base64'));
    const key = this.remember(current.versionId, current.value);
    const issuedAt = Math.floor(this.now() / 1000);
    const claims: Claims = {
      iss: SERVICE_TOKEN_ISSUER,
      aud: audienceOf(request.module),
      call: request.call,
      iat: issuedAt,
      exp: issuedAt + this.ttlSeconds,
      jti: randomUUID(),
      ih: inputHash(request.input),
      ...(request.principal ? { principal: request.principal } : {}),
      ...(request.caller ? { caller: request.caller } : {}),
    };
    const header = encode({ alg: ALGORITHM, typ: SERVICE_TOKEN_TYPE, kid: current.versionId });
    const payload = encode(claims);
    return `${header}.${payload}.${signature(key, `${header}.${payload}`)}`;
  }

  /** @throws ServiceTokenError naming what was wrong (for the log; callers answer a plain 401). */
  async verify(token: string, expected: { module: string; call: string; input: unknown }): Promise<VerifiedServiceToken> {
    const parts = token.split('.');
    if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) throw new ServiceTokenError('malformed');
    const [encodedHeader, encodedPayload, encodedSignature] = parts;
    const header = decode(encodedHeader) as { alg?: unknown; typ?: unknown; kid?: unknown } | undefined;
    // The algorithm is pinned: `none` or an asymmetric algorithm is never accepted.
    if (!header || header.alg !== ALGORITHM) throw new ServiceTokenError('algorithm');
    if (header.typ !== SERVICE_TOKEN_TYPE) throw new ServiceTokenError('type');
    if (typeof header.kid !== 'string' || !KID.test(header.kid)) throw new ServiceTokenError('key id');
    const key = await this.keyFor(header.kid);
    const expectedSignature = Buffer.from(signature(key, `${encodedHeader}.${encodedPayload}`), 'base64url');
    const given = Buffer.from(encodedSignature, 'base64url');
    if (given.length !== expectedSignature.length || !timingSafeEqual(given, expectedSignature)) {
      throw new ServiceTokenError('signature');
    }
    const claims = decode(encodedPayload) as Partial<Claims> | undefined;
    if (!claims) throw new ServiceTokenError('payload');
    const nowSeconds = Math.floor(this.now() / 1000);
    if (claims.iss !== SERVICE_TOKEN_ISSUER) throw new ServiceTokenError('issuer');
    if (claims.aud !== audienceOf(expected.module)) throw new ServiceTokenError('audience');
    if (claims.call !== expected.call) throw new ServiceTokenError('call');
    if (typeof claims.exp !== 'number' || claims.exp + this.toleranceSeconds < nowSeconds) throw new ServiceTokenError('expired');
    if (typeof claims.iat !== 'number' || claims.iat - this.toleranceSeconds > nowSeconds) throw new ServiceTokenError('issued in the future');
    if (claims.exp - claims.iat > this.ttlSeconds + this.toleranceSeconds) throw new ServiceTokenError('lifetime');
    if (typeof claims.jti !== 'string' || claims.jti.length === 0 || claims.jti.length > 128) throw new ServiceTokenError('token id');
    if (claims.ih !== inputHash(expected.input)) throw new ServiceTokenError('input');
    let principal: CallPrincipal | undefined;
    if (claims.principal !== undefined) {
      const parsed = CallPrincipalSchema.safeParse(claims.principal);
      if (!parsed.success) throw new ServiceTokenError('principal');
      principal = parsed.data;
    }
    if (claims.caller !== undefined && (typeof claims.caller !== 'string' || !/^[a-z][a-z0-9-]{0,39}$/.test(claims.caller))) {
      throw new ServiceTokenError('caller');
    }
    // Last, so that only a token valid in every other respect is remembered.
    if (this.seenTokenIds.has(claims.jti)) throw new ServiceTokenError('replayed');
    const remainingMs = (claims.exp + this.toleranceSeconds) * 1000 - this.now();
    this.seenTokenIds.set(claims.jti, true, { ttl: Math.max(1, remainingMs) });
    return { call: claims.call, principal, caller: claims.caller, tokenId: claims.jti };
  }

  private async keyFor(kid: string): Promise<Buffer> {
    const known = this.keys.get(kid);
    if (known) return known;
    const missedAt = this.misses.get(kid);
    if (missedAt !== undefined && this.now() - missedAt < UNKNOWN_KID_BACKOFF_MS) throw new ServiceTokenError('unknown key');
    // One lookup of an unknown kid at a time, and none for a while after one found nothing.
    const lookup = this.lookups.then(async () => {
      const learnt = this.keys.get(kid);
      if (learnt) return learnt;
      if (this.now() - this.lastMissAt < UNKNOWN_KID_LOOKUP_INTERVAL_MS) throw new ServiceTokenError('unknown key');
      try {
        const version = await this.secrets.getSecretVersion(this.options.secretName, kid);
        return this.remember(version.versionId, version.value);
      } catch (error) {
        if (!(error instanceof SecretNotFoundError)) throw error;
        this.lastMissAt = this.now();
        if (this.misses.size >= MAX_REMEMBERED_MISSES) this.misses.clear();
        this.misses.set(kid, this.now());
        throw new ServiceTokenError('unknown key');
      }
    });
    this.lookups = lookup.catch(() => undefined);
    return lookup;
  }

  private remember(versionId: string, value: string): Buffer {
    const key = Buffer.from(value, 'base64');
    if (key.length < MIN_KEY_BYTES) {
      throw new Error(`Secret ${this.options.secretName} must hold at least ${MIN_KEY_BYTES} random bytes, base64-encoded`);
    }
    this.keys.set(versionId, key);
    return key;
  }
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decode(part: string): unknown {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function signature(key: Buffer, signingInput: string): string {
  return createHmac('sha256', key).update(signingInput).digest('base64url');
}
