import { randomUUID } from 'node:crypto';
import { StorePersonalDataCommand } from '../../personal-data/store-personal-data/store-personal-data.command';
import { StorePersonalDataHandler } from '../../personal-data/store-personal-data/store-personal-data.handler';
import { inMemoryPii, TestClock, type InMemoryPiiContext } from '../../testing/in-memory-pii';
import { MasterKeyRotation } from '../master-key-rotation';
import { SweepMasterKeyCommand } from './sweep-master-key.command';
import { SweepMasterKeyHandler } from './sweep-master-key.handler';

describe('SweepMasterKeyHandler', () => {
  let t: InMemoryPiiContext;
  let rotation: MasterKeyRotation;
  let handler: SweepMasterKeyHandler;
  const users = Array.from({ length: 450 }, () => randomUUID());

  beforeEach(async () => {
    t = inMemoryPii(new TestClock(new Date('2026-01-01T00:00:00Z')));
    rotation = new MasterKeyRotation(t.keys, t.store, t.integrity, t.clock);
    handler = new SweepMasterKeyHandler(t.keys, t.store, t.clock, rotation);
    const store = new StorePersonalDataHandler(t.store, t.emails, t.vault);
    for (const [index, userId] of users.entries()) {
      await store.execute(new StorePersonalDataCommand(userId, `First${index}`, 'Last', `user${index}@example.org`));
    }
  });

  it('rotates from the daily job only once the current version is 90 days old, and audits it as the scheduler', async () => {
    t.clock.time = new Date('2026-03-31T00:00:00Z'); // 89 days
    expect(await handler.execute(new SweepMasterKeyCommand())).toMatchObject({ masterKeyVersion: 'v1', rewrappedDataKeys: 0 });
    t.clock.time = new Date('2026-04-01T00:00:00Z'); // 90 days
    expect(await handler.execute(new SweepMasterKeyCommand())).toMatchObject({ masterKeyVersion: 'v2', rewrappedDataKeys: 450 });
    expect(t.store.rotations).toEqual([
      expect.objectContaining({ rotatedBy: 'system:scheduler', rotatedByRole: 'SYSTEM', trigger: 'scheduled', forced: false, masterKeyVersion: 'v2', reason: expect.stringMatching(/^scheduled/) }),
    ]);
    expect(t.store.events.filter((event) => event.type === 'pii.masterKeyRotated')).toHaveLength(1);
  });

  it('rotates at most once per interval, however often it runs', async () => {
    t.clock.time = new Date('2026-04-01T00:00:00Z');
    await handler.execute(new SweepMasterKeyCommand());
    // A forced re-run of the day, the next days, another instance: nothing new until 90 days on.
    for (const day of ['2026-04-01T00:05:00Z', '2026-04-02T04:30:00Z', '2026-06-29T04:30:00Z']) {
      t.clock.time = new Date(day);
      expect(await handler.execute(new SweepMasterKeyCommand())).toMatchObject({ masterKeyVersion: 'v2', rewrappedDataKeys: 0 });
    }
    t.clock.time = new Date('2026-06-30T00:00:00Z');
    expect(await handler.execute(new SweepMasterKeyCommand())).toMatchObject({ masterKeyVersion: 'v3' });
    expect(t.store.rotations.map((rotation) => rotation.masterKeyVersion)).toEqual(['v2', 'v3']);
  });

  it('counts from the last rotation any instance recorded, not only from the version this one holds as current', async () => {
    // Another instance recorded a rotation on day 89; this one still answers v1 (day 0) as current.
    t.store.rotations.push({
      rotatedBy: randomUUID(),
      rotatedByRole: 'TECH_ADMIN',
      trigger: 'manual',
      reason: 'drill',
      forced: false,
      rotatedAt: new Date('2026-03-31T00:00:00Z'),
      masterKeyVersion: 'v-elsewhere',
    });
    t.clock.time = new Date('2026-04-02T04:30:00Z'); // v1 is 91 days old, the last rotation 2
    expect(await handler.execute(new SweepMasterKeyCommand())).toMatchObject({ masterKeyVersion: 'v1', rewrappedDataKeys: 0 });
    expect(t.store.rotations).toHaveLength(1);
  });

  it('finishes a re-wrap left over under the current version', async () => {
    await t.keys.createVersion(); // a rotation interrupted after the new version became current
    expect(await handler.execute(new SweepMasterKeyCommand())).toMatchObject({ masterKeyVersion: 'v2', rewrappedDataKeys: 450, retiredVersions: ['v1'], remaining: 0 });
  });
});
