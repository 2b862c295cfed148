import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type JsonWebKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { ACCESS_TOKEN_ALGORITHM } from '../token-settings';

/** A public key as published at the JWKS endpoint. */
export interface PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: typeof ACCESS_TOKEN_ALGORITHM;
  use: 'sig';
}

const okpPublic = z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string().min(1) });
const okpPrivate = okpPublic.extend({ d: z.string().min(1) });

const storedKey = z.object({
  kid: z.string().min(1),
  createdAt: z.string(),
  privateJwk: okpPrivate,
});

/** The secret's JSON: every key still accepted, and which one signs. Old keys stay until tokens they signed expired. */
const storedKeySet = z.object({
  version: z.literal(1),
  current: z.string().min(1),
  keys: z.array(storedKey).min(1),
});
export type StoredKeySet = z.infer<typeof storedKeySet>;

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

/** Keys loaded in memory. `signing` is absent in verify-only processes. */
export interface LoadedKeySet {
  signing?: SigningKey;
  publicKeys: Map<string, KeyObject>;
  jwks: PublicJwk[];
}

/** A new Ed25519 key set with one key, as the secret's JSON (synchronous: it feeds `createIfMissing`). */
export function generateKeySetSecret(now = new Date()): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' }) as JsonWebKey;
  const kid = `${now.toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`;
  const set: StoredKeySet = {
    version: 1,
    current: kid,
    keys: [{ kid, createdAt: now.toISOString(), privateJwk: okpPrivate.parse(jwk) }],
  };
  return JSON.stringify(set);
}

/**
 * Parses the secret. `withSigningKey: false` drops every private key right away, so a
 * process that only verifies never keeps one in memory.
 */
export function parseKeySetSecret(value: string, { withSigningKey }: { withSigningKey: boolean }): LoadedKeySet {
  const set = storedKeySet.parse(JSON.parse(value));
  const publicKeys = new Map<string, KeyObject>();
  const jwks: PublicJwk[] = [];
  for (const key of set.keys) {
    const { d: _private, ...publicPart } = key.privateJwk;
    publicKeys.set(key.kid, createPublicKey({ key: publicPart, format: 'jwk' }));
    jwks.push({ ...publicPart, kid: key.kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' });
  }
  const current = set.keys.find((key) => key.kid === set.current);
  if (!current) throw new Error(`The JWT key set names ${set.current} as current but does not hold it`);
  const signing = withSigningKey ? { kid: current.kid, privateKey: createPrivateKey({ key: current.privateJwk, format: 'jwk' }) } : undefined;
  return { signing, publicKeys, jwks };
}

/** Public keys from a JWKS document (verify-only processes fed by the issuer's endpoint). */
export function parseJwks(document: unknown): LoadedKeySet {
  const parsed = z.object({ keys: z.array(okpPublic.extend({ kid: z.string().min(1) }).loose()) }).parse(document);
  const publicKeys = new Map<string, KeyObject>();
  const jwks: PublicJwk[] = [];
  for (const key of parsed.keys) {
    const jwk = { kty: key.kty, crv: key.crv, x: key.x };
    publicKeys.set(key.kid, createPublicKey({ key: jwk, format: 'jwk' }));
    jwks.push({ ...jwk, kid: key.kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' });
  }
  return { publicKeys, jwks };
}
