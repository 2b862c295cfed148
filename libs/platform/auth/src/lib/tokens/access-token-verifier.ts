import { LRUCache } from 'lru-cache';
import { AccessTokenError } from '../auth-errors';
import type { JwtKeys } from '../keys/jwt-keys';
import { isRole, type Principal } from '@tall/platform/identity';
import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_TYPE, type AccessTokenSettings } from '../token-settings';
import { decodeCompact, verifySignature } from './compact-jws';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Allowed skew between the issuer's clock and ours. */
const CLOCK_TOLERANCE_SECONDS = 5;
/**
 * A token verified once is taken again from memory: the signature check is the costliest part of a
 * request's authentication (EdDSA, about 3 % of the API's CPU under classroom load), and a client
 * sends the same token for many minutes. At most this long, so a signing key withdrawn from the key
 * set stops its tokens within a minute; the claims' times are checked on every use.
 */
const VERIFIED_TTL_MS = 60_000;
const VERIFIED_MAX = 20_000;

interface Verified {
  principal: Principal;
  exp: number;
  nbf: number | undefined;
}

/**
 * Verifies access tokens with public keys only, so any module — in this process or extracted
 * into its own — can check them. The algorithm is pinned (EdDSA, never taken from the token),
 * the key is ours by `kid`, and `typ`, `iss`, `aud`, `exp`, `sub`, `role` and `sid` are all
 * required. Checked in that order: nothing in a token is believed before its signature.
 */
export class AccessTokenVerifier {
  private readonly verified = new LRUCache<string, Verified>({ max: VERIFIED_MAX, ttl: VERIFIED_TTL_MS });

  constructor(
    private readonly keys: JwtKeys,
    private readonly settings: Pick<AccessTokenSettings, 'issuer' | 'audience'>,
  ) {}

  async verify(token: string, now = Date.now()): Promise<Principal> {
    const known = this.verified.get(token);
    if (known) {
      const nowSeconds = Math.floor(now / 1000);
      if (known.exp <= nowSeconds - CLOCK_TOLERANCE_SECONDS) throw new AccessTokenError('TOKEN_EXPIRED', 'expired');
      if (known.nbf !== undefined && known.nbf > nowSeconds + CLOCK_TOLERANCE_SECONDS) throw new AccessTokenError('TOKEN_INVALID', 'not yet valid');
      return known.principal;
    }
    return this.verifyFully(token, now);
  }

  private async verifyFully(token: string, now: number): Promise<Principal> {
    const decoded = token.length <= 4096 ? decodeCompact(token) : undefined;
    if (!decoded) throw new AccessTokenError('TOKEN_INVALID', 'not a compact JWS');
    const { header, payload } = decoded;
    if (header['alg'] !== ACCESS_TOKEN_ALGORITHM) throw new AccessTokenError('TOKEN_INVALID', `alg ${String(header['alg'])} is not accepted`);
    if (header['crit'] !== undefined) throw new AccessTokenError('TOKEN_INVALID', 'crit is not supported');
    const key = await this.keys.verificationKey(typeof header['kid'] === 'string' ? header['kid'] : undefined);
    if (!key) throw new AccessTokenError('TOKEN_INVALID', 'unknown signing key');
    if (!verifySignature(decoded, key)) throw new AccessTokenError('TOKEN_INVALID', 'bad signature');

    if (header['typ'] !== ACCESS_TOKEN_TYPE) throw new AccessTokenError('TOKEN_INVALID', 'wrong typ');
    if (payload['iss'] !== this.settings.issuer) throw new AccessTokenError('TOKEN_INVALID', 'wrong iss');
    const audience = payload['aud'];
    if (!(audience === this.settings.audience || (Array.isArray(audience) && audience.includes(this.settings.audience)))) {
      throw new AccessTokenError('TOKEN_INVALID', 'wrong aud');
    }
    const nowSeconds = Math.floor(now / 1000);
    const { exp, iat, nbf } = payload;
    if (typeof exp !== 'number' || typeof iat !== 'number') throw new AccessTokenError('TOKEN_INVALID', 'exp and iat are required');
    if (exp <= nowSeconds - CLOCK_TOLERANCE_SECONDS) throw new AccessTokenError('TOKEN_EXPIRED', 'expired');
    if (iat > nowSeconds + CLOCK_TOLERANCE_SECONDS) throw new AccessTokenError('TOKEN_INVALID', 'issued in the future');
    if (typeof nbf === 'number' && nbf > nowSeconds + CLOCK_TOLERANCE_SECONDS) throw new AccessTokenError('TOKEN_INVALID', 'not yet valid');

    const { sub, role, sid } = payload;
    if (typeof sub !== 'string' || !UUID.test(sub)) throw new AccessTokenError('TOKEN_INVALID', 'sub is not a user id');
    if (typeof sid !== 'string' || !UUID.test(sid)) throw new AccessTokenError('TOKEN_INVALID', 'sid is not a session id');
    if (!isRole(role)) throw new AccessTokenError('TOKEN_INVALID', 'unknown role');
    const principal = { userId: sub, role, sessionId: sid };
    this.verified.set(token, { principal, exp, nbf: typeof nbf === 'number' ? nbf : undefined });
    return principal;
  }
}
