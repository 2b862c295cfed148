import { randomUUID } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';
import { stackEnv, uniqueName } from '@tall/platform/testing';
import { MongoLobbyStore } from './mongo-lobby-store';

describe('MongoLobbyStore (integration)', () => {
  let client: MongoClient;
  let db: Db;
  let store: MongoLobbyStore;

  beforeAll(async () => {
    client = new MongoClient(stackEnv().MONGODB_URI);
    await client.connect();
    db = client.db(uniqueName('lobby_int'));
    store = new MongoLobbyStore(db);
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await client?.close();
  });

  it('learns a role once per event and follows later changes', async () => {
    const userId = randomUUID();
    const created = { id: randomUUID(), handler: 'lobby.learnRoles' };
    expect(await store.roleOf(userId)).toBeNull();
    expect(await store.learnRole(userId, 'STUDENT', created)).toBe(true);
    expect(await store.learnRole(userId, 'STUDENT', created)).toBe(false);
    expect(await store.learnRole(userId, 'TEACHER', { id: randomUUID(), handler: 'lobby.learnRoles' })).toBe(true);
    expect(await store.roleOf(userId)).toBe('TEACHER');
    // A redelivered old event does not undo the change.
    expect(await store.learnRole(userId, 'STUDENT', created)).toBe(false);
    expect(await store.roleOf(userId)).toBe('TEACHER');
  });

  it('keeps the last place visited and forgets everything about an erased user', async () => {
    const userId = randomUUID();
    await store.learnRole(userId, 'TECH_ADMIN', { id: randomUUID(), handler: 'lobby.learnRoles' });
    const at = new Date('2026-05-01T08:00:00Z');
    await store.saveContext(userId, { product: 'users', location: '/admin/users', at });
    await store.saveContext(userId, { product: 'operations', location: '/ops/cron', at });
    expect(await store.context(userId)).toEqual({ product: 'operations', location: '/ops/cron', at });
    await store.forget(userId);
    expect(await store.roleOf(userId)).toBeNull();
    expect(await store.context(userId)).toBeNull();
  });

  it('trims inbox entries older than 30 days', async () => {
    const userId = randomUUID();
    await store.learnRole(userId, 'STUDENT', { id: randomUUID(), handler: 'lobby.learnRoles' });
    expect(await store.trimInbox(new Date(Date.now() + 31 * 24 * 60 * 60 * 1000))).toBeGreaterThanOrEqual(1);
  });
});
