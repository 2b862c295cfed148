// `node tools/bench/jws-verify.mjs`: the access-token check on every authenticated request, done
// two ways in the same run — jose's jwtVerify (WebCrypto) and Tall's compact JWS over
// node:crypto's Ed25519 — idle and while sign-ins' argon2id hashes occupy libuv's thread pool.
// The figures behind docs/decisions/0011-jws-with-jose.md.
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import argon2 from 'argon2';
import { SignJWT, jwtVerify } from 'jose';

const TOKENS = Number(process.env.JWS_TOKENS ?? 2000);
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const claims = { sub: '0b4c7a9e-0000-4000-8000-000000000001', role: 'STUDENT', sid: 's1' };
const token = await new SignJWT(claims)
  .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid: 'k1' })
  .setIssuer('tall')
  .setAudience('tall-api')
  .setIssuedAt()
  .setExpirationTime('15m')
  .sign(privateKey);

function verifyNode(compact) {
  const [header, payload, signature] = compact.split('.');
  const ok = verify(null, Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url'));
  if (!ok) throw new Error('bad signature');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
}
const verifyJose = (compact) => jwtVerify(compact, publicKey, { algorithms: ['EdDSA'], issuer: 'tall', audience: 'tall-api', typ: 'at+jwt' });

/** ms per verification, `TOKENS` of them issued as concurrent requests would be. */
async function perVerify(check) {
  const started = performance.now();
  await Promise.all(Array.from({ length: TOKENS }, () => Promise.resolve().then(() => check(token))));
  return (performance.now() - started) / TOKENS;
}

/** Latency of one verification while `hashes` argon2id hashes (m=19456, t=2, p=1) are in flight. */
async function underSignInStorm(check, hashes = 16) {
  const storm = Array.from({ length: hashes }, (_, i) => argon2.hash(`password-${i}`, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 }));
  await new Promise((resolve) => setImmediate(resolve));
  const started = performance.now();
  await check(token);
  const latency = performance.now() - started;
  await Promise.all(storm);
  return latency;
}

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows = [];
for (const [name, check] of [['node:crypto (baseline)', verifyNode], ['jose jwtVerify', verifyJose]]) {
  await perVerify(check); // warm-up
  const idle = median(await Promise.all([0, 1, 2].map(() => perVerify(check))));
  const storm = [];
  for (let round = 0; round < 5; round += 1) storm.push(await underSignInStorm(check));
  rows.push({ name, idle, storm: median(storm) });
}
const [base] = rows;
console.log(`| verification | µs per token, idle | ratio | ms for one check during 16 sign-ins | ratio |`);
console.log(`|---|---|---|---|---|`);
for (const row of rows) {
  console.log(`| ${row.name} | ${(row.idle * 1000).toFixed(1)} | ${(row.idle / base.idle).toFixed(2)} | ${row.storm.toFixed(2)} | ${(row.storm / base.storm).toFixed(1)} |`);
}
// Keep the signature primitive honest: sign with node:crypto too and check jose accepts it.
const signingInput = token.split('.').slice(0, 2).join('.');
const resigned = `${signingInput}.${sign(null, Buffer.from(signingInput), privateKey).toString('base64url')}`;
await verifyJose(resigned);
