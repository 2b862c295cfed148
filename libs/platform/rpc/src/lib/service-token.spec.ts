import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalFileSecretStore } from '@tall/platform/secrets';
import { ServiceTokenError, ServiceTokens } from './service-token';

const SECRET = 'tall/test/rpc-key';

describe('ServiceTokens', () => {
  let dir: string;
  let store: LocalFileSecretStore;
  let now: number;
  let tokens: ServiceTokens;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tall-rpc-'));
    store = new LocalFileSecretStore({ file: join(dir, 'secrets.json') });
    now = Date.UTC(2025, 0, 1);
    tokens = new ServiceTokens(store, { secretName: SECRET, now: () => now });
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const reasonOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'accepted',
      (error) => (error instanceof ServiceTokenError ? error.reason : `unexpected: ${String(error)}`),
    );

  it('signs a token that verifies for its module and call, carrying the principal', async () => {
    const principal = { userId: 'u-1', role: 'STUDENT', sessionId: 's-1' };
    const token = await tokens.sign({ module: 'pii', call: 'pii.getDisplayNames', principal });
    const verified = await tokens.verify(token, { module: 'pii', call: 'pii.getDisplayNames' });
    expect(verified.principal).toEqual(principal);
    expect(verified.call).toBe('pii.getDisplayNames');
  });

  it('creates the shared key once and every process adopts it', async () => {
    const other = new ServiceTokens(store, { secretName: SECRET, now: () => now });
    const token = await other.sign({ module: 'pii', call: 'pii.storePersonalData' });
    await expect(tokens.verify(token, { module: 'pii', call: 'pii.storePersonalData' })).resolves.toMatchObject({ call: 'pii.storePersonalData' });
    expect(await store.listVersionIds(SECRET)).toHaveLength(1);
  });

  it('refuses another audience, another call, and an expired token', async () => {
    const token = await tokens.sign({ module: 'pii', call: 'pii.getDisplayNames' });
    expect(await reasonOf(tokens.verify(token, { module: 'profile', call: 'pii.getDisplayNames' }))).toBe('audience');
    expect(await reasonOf(tokens.verify(token, { module: 'pii', call: 'pii.storePersonalData' }))).toBe('call');
    now += 66_000;
    expect(await reasonOf(tokens.verify(token, { module: 'pii', call: 'pii.getDisplayNames' }))).toBe('expired');
  });

  it('refuses a tampered payload, a forged signature, alg none and garbage', async () => {
    const token = await tokens.sign({ module: 'pii', call: 'pii.getDisplayNames', principal: { userId: 'u-1', role: 'STUDENT' } });
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const elevated = Buffer.from(JSON.stringify({ ...claims, principal: { userId: 'u-1', role: 'TECH_ADMIN' } })).toString('base64url');
    const expected = { module: 'pii', call: 'pii.getDisplayNames' };
    expect(await reasonOf(tokens.verify(`${header}.${elevated}.${signature}`, expected))).toBe('signature');

    const forged = createHmac('sha256', Buffer.alloc(32)).update(`${header}.${payload}`).digest('base64url');
    expect(await reasonOf(tokens.verify(`${header}.${payload}.${forged}`, expected))).toBe('signature');

    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'tall-rpc+jwt' })).toString('base64url');
    expect(await reasonOf(tokens.verify(`${none}.${payload}.${signature}`, expected))).toBe('algorithm');
    expect(await reasonOf(tokens.verify(`${none}.${payload}.`, expected))).toBe('malformed');
    expect(await reasonOf(tokens.verify('not-a-token', expected))).toBe('malformed');
  });

  it('refuses a token naming a key version that does not exist', async () => {
    const token = await tokens.sign({ module: 'pii', call: 'pii.getDisplayNames' });
    const [, payload, signature] = token.split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'tall-rpc+jwt', kid: 'no-such-version' })).toString('base64url');
    expect(await reasonOf(tokens.verify(`${header}.${payload}.${signature}`, { module: 'pii', call: 'pii.getDisplayNames' }))).toBe('unknown key');
  });

  it('keeps verifying tokens signed with the previous key after the key is rotated', async () => {
    const before = await tokens.sign({ module: 'pii', call: 'pii.getDisplayNames' });
    await store.putSecret(SECRET, Buffer.alloc(32, 7).toString('base64'));
    const receiver = new ServiceTokens(store, { secretName: SECRET, now: () => now });
    const after = await tokens.sign({ module: 'pii', call: 'pii.getDisplayNames' });
    expect(after.split('.')[0]).not.toBe(before.split('.')[0]);
    for (const token of [before, after]) {
      await expect(receiver.verify(token, { module: 'pii', call: 'pii.getDisplayNames' })).resolves.toBeDefined();
    }
  });
});
