import { randomUUID } from 'node:crypto';
import { StorePersonalDataCommand } from '../../personal-data/store-personal-data/store-personal-data.command';
import { StorePersonalDataHandler } from '../../personal-data/store-personal-data/store-personal-data.handler';
import { inMemoryPii, type InMemoryPiiContext } from '../../testing/in-memory-pii';
import { ShredPersonalDataCommand } from './shred-personal-data.command';
import { ShredPersonalDataHandler } from './shred-personal-data.handler';

describe('ShredPersonalDataHandler', () => {
  const userId = randomUUID();
  let t: InMemoryPiiContext;
  let handler: ShredPersonalDataHandler;

  beforeEach(async () => {
    t = inMemoryPii();
    handler = new ShredPersonalDataHandler(t.store, t.clock);
    await new StorePersonalDataHandler(t.store, t.emails, t.vault).execute(new StorePersonalDataCommand(userId, 'Ada', 'Lovelace', 'ada@example.org'));
  });

  it('shreds the data key and ciphertexts, keeps a tombstone with the reason, and publishes only the id', async () => {
    expect(await handler.execute(new ShredPersonalDataCommand(userId, 'self-erasure'))).toBe(true);
    expect(t.store.records.has(userId)).toBe(false);
    expect(t.store.erasures.get(userId)).toMatchObject({ reason: 'self-erasure' });
    expect(t.store.events.filter((event) => event.type === 'user.pii.erased').map((event) => event.payload)).toEqual([
      { userId, erasedAt: expect.any(String) },
    ]);
  });

  it('does nothing for a user erased already (a redelivered user.deleted)', async () => {
    await handler.execute(new ShredPersonalDataCommand(userId, 'self-erasure'));
    expect(await handler.execute(new ShredPersonalDataCommand(userId, 'account-deleted'))).toBe(false);
    expect(t.store.erasures.get(userId)).toMatchObject({ reason: 'self-erasure' });
    expect(t.store.events.filter((event) => event.type === 'user.pii.erased')).toHaveLength(1);
  });
});
