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
    const verified = await tokens.verify(token, { module: 'pii', call: 'pii.getDisplayNames', input: undefined });
    expect(verified.principal).toEqual(principal);
    expect(verified.call).toBe('pii.getDisplayNames');
  });

  it('creates the shared key once and every process adopts it', async () => {
    const other = new ServiceTokens(store, { secretName: SECRET, now: () => now });
    const token = await other.sign({ module: 'pii', call: 'pii.storePersonalData' });
    await expect(tokens.verify(token, { module: 'pii', call: 'pii.storePersonalData', input: undefined })).resolves.toMatchObject({ call: 'pii.storePersonalData' });
    expect(await store.listVersionIds(SECRET)).toHaveLength(1);
  });

  it('refuses another audience, another call, and an expired token', async () => {
    const token = await tokens.sign({ module: 'pii', call: 'pii.getDisplayNames' });
    expect(await reasonOf(tokens.verify(token, { module: 'profile', call: 'pii.getDisplayNames', input: undefined }))).toBe('audience');
    expect(await reasonOf(tokens.verify(token, { module: 'pii', call: 'pii.storePersonalData', input: undefined }))).toBe('call');
    now += 66_000;
    expect(await reasonOf(tokens.verify(token, { module: 'pii', call: 'pii.getDisplayNames', input: undefined }))).toBe('expired');
  });

  it('refuses a tampered payload, a forged signature, alg none and garbage', async () => {
    const token = await tokens.sign({ module: 'pii', call: 'pii.getDisplayNames', principal: { userId: 'u-1', role: 'STUDENT' } });
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const elevated = Buffer.from(JSON.stringify({ ...claims, principal: { userId: 'u-1', role: 'TECH_ADMIN' } })).toString('base64url');
    const expected = { module: 'pii', call: 'pii.getDisplayNames', input: undefined };
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
    expect(await reasonOf(tokens.verify(`${header}.${payload}.${signature}`, { module: 'pii', call: 'pii.getDisplayNames', input: undefined }))).toBe('unknown key');
  });

  it('keeps verifying tokens signed with the previous key after the key is rotated', async () => {
    const before = await tokens.sign({ module: 'pii', call: 'pii.getDisplayNames' });
    await store.putSecret(SECRET, Buffer.alloc(32, 7).toString('base64'));
    const receiver = new ServiceTokens(store, { secretName: SECRET, now: () => now });
    const after = await tokens.sign({ module: 'pii', call: 'pii.getDisplayNames' });
    expect(after.split('.')[0]).not.toBe(before.split('.')[0]);
    for (const token of [before, after]) {
      await expect(receiver.verify(token, { module: 'pii', call: 'pii.getDisplayNames', input: undefined })).resolves.toBeDefined();
    }
  });

  it('binds the input: the same token with another input is refused', async () => {
    const input = { userIds: ['u-1'], purpose: 'teacher-dashboard' };
    const token = await tokens.sign({ module: 'pii', call: 'pii.getDisplayNames', input });
    expect(await reasonOf(tokens.verify(token, { module: 'pii', call: 'pii.getDisplayNames', input: { ...input, userIds: ['u-2'] } }))).toBe('input');
    expect(await reasonOf(tokens.verify(token, { module: 'pii', call: 'pii.getDisplayNames', input: undefined }))).toBe('input');
    expect(await reasonOf(tokens.verify(token, { module: 'pii', call: 'pii.getDisplayNames', input: JSON.parse(JSON.stringify(input)) }))).toBe('accepted');
  });

  it('accepts a token once: a replay within its lifetime is refused, in every process that saw it', async () => {
    const token = await tokens.sign({ module: 'pii', call: 'pii.getDisplayNames', input: { userIds: [] } });
    const expectedCall = { module: 'pii', call: 'pii.getDisplayNames', input: { userIds: [] } };
    expect(await reasonOf(tokens.verify(token, expectedCall))).toBe('accepted');
    expect(await reasonOf(tokens.verify(token, expectedCall))).toBe('replayed');
    now += 30_000;
    expect(await reasonOf(tokens.verify(token, expectedCall))).toBe('replayed');
    now += 40_000;
    expect(await reasonOf(tokens.verify(token, expectedCall))).toBe('expired');
  });

  it('asks the store about unknown key ids at most once per 5 s, however many forged ids arrive', async () => {
    const token = await tokens.sign({ module: 'pii', call: 'pii.getDisplayNames' });
    const [, payload, signature] = token.split('.');
    const withKid = (kid: string) => `${Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'tall-rpc+jwt', kid })).toString('base64url')}.${payload}.${signature}`;
    const lookups = jest.spyOn(store, 'getSecretVersion');
    const expectedCall = { module: 'pii', call: 'pii.getDisplayNames', input: undefined };
    for (let index = 0; index < 50; index++) expect(await reasonOf(tokens.verify(withKid(`forged-${index}`), expectedCall))).toBe('unknown key');
    expect(lookups).toHaveBeenCalledTimes(1);
    now += 5_000;
    expect(await reasonOf(tokens.verify(withKid('forged-next'), expectedCall))).toBe('unknown key');
    expect(lookups).toHaveBeenCalledTimes(2);
  });
});
