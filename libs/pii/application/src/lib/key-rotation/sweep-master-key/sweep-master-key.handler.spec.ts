import { randomUUID } from 'node:crypto';
import { StorePersonalDataCommand } from '../../personal-data/store-personal-data/store-personal-data.command';
import { StorePersonalDataHandler } from '../../personal-data/store-personal-data/store-personal-data.handler';
import { inMemoryPii, TestClock, type InMemoryPiiContext } from '../../testing/in-memory-pii';
import { MasterKeyRotation } from '../master-key-rotation';
import { SweepMasterKeyCommand } from './sweep-master-key.command';
import { SweepMasterKeyHandler } from './sweep-master-key.handler';

describe('SweepMasterKeyHandler', () => {
  let t: InMemoryPiiContext;
  let handler: SweepMasterKeyHandler;
  const users = Array.from({ length: 450 }, () => randomUUID());

  beforeEach(async () => {
    t = inMemoryPii(new TestClock(new Date('2026-01-01T00:00:00Z')));
    handler = new SweepMasterKeyHandler(t.keys, t.store, t.clock, new MasterKeyRotation(t.keys, t.store, t.integrity));
    const store = new StorePersonalDataHandler(t.store, t.emails, t.vault);
    for (const [index, userId] of users.entries()) {
      await store.execute(new StorePersonalDataCommand(userId, `First${index}`, 'Last', `user${index}@example.org`));
    }
  });

  it('rotates from the daily job only once the current version is 90 days old', async () => {
    t.clock.time = new Date('2026-03-31T00:00:00Z'); // 89 days
    expect(await handler.execute(new SweepMasterKeyCommand())).toMatchObject({ masterKeyVersion: 'v1', rewrappedDataKeys: 0 });
    t.clock.time = new Date('2026-04-01T00:00:00Z'); // 90 days
    expect(await handler.execute(new SweepMasterKeyCommand())).toMatchObject({ masterKeyVersion: 'v2', rewrappedDataKeys: 450 });
  });

  it('finishes a re-wrap left over under the current version', async () => {
    await t.keys.createVersion(); // a rotation interrupted after the new version became current
    expect(await handler.execute(new SweepMasterKeyCommand())).toMatchObject({ masterKeyVersion: 'v2', rewrappedDataKeys: 450, retiredVersions: ['v1'], remaining: 0 });
  });
});
