import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { createLocalJWKSet, jwtVerify, SignJWT, UnsecuredJWT } from 'jose';
import { AccessTokenError } from '../auth-errors';
import { generateKeySetSecret, parseKeySetSecret } from '../keys/jwt-key-set';
import { JwtKeys } from '../keys/jwt-keys';
import type { Principal } from '@tall/platform/identity';
import { DEFAULT_ACCESS_TOKEN_SETTINGS } from '../token-settings';
import { AccessTokenIssuer } from './access-token-issuer';
import { AccessTokenVerifier } from './access-token-verifier';

const settings = DEFAULT_ACCESS_TOKEN_SETTINGS;
const secret = generateKeySetSecret();
const issuerKeys = JwtKeys.fromKeySet(parseKeySetSecret(secret, { withSigningKey: true }));
const verifierKeys = JwtKeys.fromKeySet(parseKeySetSecret(secret, { withSigningKey: false }));
const issuer = new AccessTokenIssuer(issuerKeys, settings);
const verifier = new AccessTokenVerifier(verifierKeys, settings);
const principal: Principal = { userId: randomUUID(), role: 'TEACHER', sessionId: randomUUID() };
const kid = issuerKeys.signingKey().kid;

async function rejection(token: string): Promise<AccessTokenError> {
  try {
    await verifier.verify(token);
  } catch (error) {
    if (error instanceof AccessTokenError) return error;
    throw error;
  }
  throw new Error('the token was accepted');
}

/** A token built by hand, signed with `key` (our key unless said otherwise). */
function forge(overrides: { header?: Record<string, unknown>; claims?: Record<string, unknown>; key?: Parameters<SignJWT['sign']>[0] } = {}) {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    sub: principal.userId,
    role: principal.role,
    sid: principal.sessionId,
    iss: settings.issuer,
    aud: settings.audience,
    iat: now,
    exp: now + 60,
    ...overrides.claims,
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid, ...overrides.header } as never)
    .sign(overrides.key ?? issuerKeys.signingKey().privateKey);
}

describe('access tokens', () => {
  it('round-trips the principal and says when it expires', async () => {
    const issued = await issuer.issue(principal);
    expect(issued.expiresIn).toBe(900);
    await expect(verifier.verify(issued.accessToken)).resolves.toEqual(principal);
  });

  it('interoperates with jose both ways: our tokens pass its jwtVerify with the published JWKS, and its tokens pass ours', async () => {
    const issued = await issuer.issue(principal);
    const { payload, protectedHeader } = await jwtVerify(issued.accessToken, createLocalJWKSet(verifierKeys.jwks() as never), {
      algorithms: ['EdDSA'],
      issuer: settings.issuer,
      audience: settings.audience,
      typ: 'at+jwt',
    });
    expect(protectedHeader.kid).toBe(kid);
    expect(payload).toMatchObject({ sub: principal.userId, role: principal.role, sid: principal.sessionId });
    await expect(verifier.verify(await forge())).resolves.toEqual(principal);
  });

  it('a verify-only key set holds no private key', () => {
    expect(verifierKeys.canSign).toBe(false);
    expect(() => new AccessTokenIssuer(verifierKeys, settings).issue(principal)).rejects.toThrow(/does not issue/);
    expect(JSON.stringify(verifierKeys.jwks())).not.toMatch(/"d"/);
  });

  it('refuses alg none', async () => {
    const unsigned = new UnsecuredJWT({ role: 'TECH_ADMIN', sid: principal.sessionId })
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .setSubject(principal.userId)
      .setIssuedAt()
      .setExpirationTime('5m')
      .encode();
    // `header.payload.` has an empty signature part: refused before any crypto.
    expect((await rejection(unsigned)).code).toBe('TOKEN_INVALID');
    expect((await rejection(`${unsigned}AAAA`)).code).toBe('TOKEN_INVALID');
  });

  it('refuses HS256 keyed with the public key (algorithm confusion)', async () => {
    const publicX = verifierKeys.jwks().keys[0].x;
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'at+jwt', kid })).toString('base64url');
    const body = Buffer.from(
      JSON.stringify({ sub: principal.userId, role: 'TECH_ADMIN', sid: principal.sessionId, iss: settings.issuer, aud: settings.audience, iat: 1, exp: 9999999999 }),
    ).toString('base64url');
    const signature = createHmac('sha256', publicX).update(`${header}.${body}`).digest('base64url');
    expect((await rejection(`${header}.${body}.${signature}`)).reason).toMatch(/alg/i);
  });

  it('refuses a token signed with another key, even under our kid', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    expect((await rejection(await forge({ key: privateKey }))).code).toBe('TOKEN_INVALID');
    expect((await rejection(await forge({ key: privateKey, header: { kid: 'someone-else' } }))).reason).toMatch(/unknown signing key/);
  });

  it('refuses an expired token with TOKEN_EXPIRED', async () => {
    const old = await issuer.issue(principal, new Date(Date.now() - 16 * 60 * 1000));
    expect((await rejection(old.accessToken)).code).toBe('TOKEN_EXPIRED');
  });

  it.each([
    ['wrong audience', { claims: { aud: 'another-api' } }],
    ['wrong issuer', { claims: { iss: 'someone' } }],
    ['wrong typ', { header: { typ: 'JWT' } }],
    ['no typ', { header: { typ: undefined } }],
    ['unknown role', { claims: { role: 'SUPERUSER' } }],
    ['no session', { claims: { sid: undefined } }],
    ['a session id that is not a uuid', { claims: { sid: 'x' } }],
  ])('refuses a token with %s', async (_label, overrides) => {
    expect((await rejection(await forge(overrides))).code).toBe('TOKEN_INVALID');
  });

  it('takes a token it verified before from memory, still refusing it once it expires', async () => {
    const fresh = new AccessTokenVerifier(verifierKeys, settings);
    const issued = await issuer.issue(principal);
    const spy = jest.spyOn(verifierKeys, 'verificationKey');
    expect(await fresh.verify(issued.accessToken)).toEqual(principal);
    expect(await fresh.verify(issued.accessToken)).toEqual(principal);
    // The key (and so the signature) was looked at once.
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    const afterExpiry = Date.now() + (issued.expiresIn + 60) * 1000;
    await expect(fresh.verify(issued.accessToken, afterExpiry)).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
  });

  it('refuses opaque strings such as refresh tokens', async () => {
    expect((await rejection('rt_' + 'a'.repeat(43))).code).toBe('TOKEN_INVALID');
    expect((await rejection('')).code).toBe('TOKEN_INVALID');
  });
});
