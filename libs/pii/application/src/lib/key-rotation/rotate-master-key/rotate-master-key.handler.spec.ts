import { randomUUID } from 'node:crypto';
import { ReadOwnPersonalDataHandler } from '../../personal-data/read-own-personal-data/read-own-personal-data.handler';
import { ReadOwnPersonalDataQuery } from '../../personal-data/read-own-personal-data/read-own-personal-data.query';
import { StorePersonalDataCommand } from '../../personal-data/store-personal-data/store-personal-data.command';
import { StorePersonalDataHandler } from '../../personal-data/store-personal-data/store-personal-data.handler';
import { inMemoryPii, type InMemoryPiiContext } from '../../testing/in-memory-pii';
import { MasterKeyRotation } from '../master-key-rotation';
import { RotateMasterKeyCommand } from './rotate-master-key.command';
import { RotateMasterKeyHandler } from './rotate-master-key.handler';

describe('RotateMasterKeyHandler', () => {
  let t: InMemoryPiiContext;
  let handler: RotateMasterKeyHandler;
  const users = Array.from({ length: 450 }, () => randomUUID());

  beforeEach(async () => {
    t = inMemoryPii();
    handler = new RotateMasterKeyHandler(t.store, new MasterKeyRotation(t.keys, t.store, t.integrity));
    const store = new StorePersonalDataHandler(t.store, t.emails, t.vault);
    for (const [index, userId] of users.entries()) {
      await store.execute(new StorePersonalDataCommand(userId, `First${index}`, 'Last', `user${index}@example.org`));
    }
  });

  it('re-wraps every data key under a new version, retires the old one, and everything still reads', async () => {
    const result = await handler.execute(new RotateMasterKeyCommand());
    expect(result).toEqual({ masterKeyVersion: 'v2', previousVersions: ['v1'], rewrappedDataKeys: 450, retiredVersions: ['v1'], remaining: 0 });
    expect([...t.store.records.values()].every((record) => record.masterVersion === 'v2')).toBe(true);
    expect(t.keys.held.has('v1')).toBe(false);
    const own = await new ReadOwnPersonalDataHandler(t.vault, t.accessLog).execute(new ReadOwnPersonalDataQuery(users[123], 'STUDENT'));
    expect(own).toMatchObject({ firstName: 'First123' });
  });

  it('keeps an old version while a data key still refers to it', async () => {
    const record = t.store.records.get(users[0]);
    if (!record) throw new Error('missing');
    record.wrappedKey[5] ^= 1; // cannot be re-wrapped: stays under v1
    const result = await handler.execute(new RotateMasterKeyCommand());
    expect(result).toMatchObject({ rewrappedDataKeys: 449, retiredVersions: [], remaining: 1 });
    expect(t.keys.held.has('v1')).toBe(true);
    expect(t.integrity.failures[0]).toMatchObject({ subjectId: users[0], what: 'dataKey' });
  });

  it('runs one rotation at a time', async () => {
    const first = handler.execute(new RotateMasterKeyCommand());
    await expect(handler.execute(new RotateMasterKeyCommand())).rejects.toMatchObject({ code: 'KEY_ROTATION_IN_PROGRESS' });
    await first;
  });
});
