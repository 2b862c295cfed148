import { randomUUID } from 'node:crypto';
import { ReadOwnPersonalDataHandler } from '../../personal-data/read-own-personal-data/read-own-personal-data.handler';
import { ReadOwnPersonalDataQuery } from '../../personal-data/read-own-personal-data/read-own-personal-data.query';
import { StorePersonalDataCommand } from '../../personal-data/store-personal-data/store-personal-data.command';
import { StorePersonalDataHandler } from '../../personal-data/store-personal-data/store-personal-data.handler';
import { inMemoryPii, TestClock, type InMemoryPiiContext } from '../../testing/in-memory-pii';
import { MasterKeyRotation } from '../master-key-rotation';
import { RotateMasterKeyCommand } from './rotate-master-key.command';
import { RotateMasterKeyHandler } from './rotate-master-key.handler';

describe('RotateMasterKeyHandler', () => {
  let t: InMemoryPiiContext;
  let handler: RotateMasterKeyHandler;
  const users = Array.from({ length: 450 }, () => randomUUID());
  const admin = { userId: randomUUID(), role: 'TECH_ADMIN' };
  const rotate = (reason = 'suspected exposure', force = false) => handler.execute(new RotateMasterKeyCommand(admin, reason, force));

  beforeEach(async () => {
    t = inMemoryPii(new TestClock(new Date('2026-05-13T10:00:00Z')));
    handler = new RotateMasterKeyHandler(t.store, t.clock, new MasterKeyRotation(t.keys, t.store, t.integrity, t.clock));
    const store = new StorePersonalDataHandler(t.store, t.emails, t.vault);
    for (const [index, userId] of users.entries()) {
      await store.execute(new StorePersonalDataCommand(userId, `First${index}`, 'Last', `user${index}@example.org`));
    }
  });

  it('re-wraps every data key under a new version, retires the old one, and everything still reads', async () => {
    const result = await rotate();
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
    const result = await rotate();
    expect(result).toMatchObject({ rewrappedDataKeys: 449, retiredVersions: [], remaining: 1 });
    expect(t.keys.held.has('v1')).toBe(true);
    expect(t.integrity.failures[0]).toMatchObject({ subjectId: users[0], what: 'dataKey' });
  });

  it('runs one rotation at a time', async () => {
    const first = rotate();
    await expect(rotate('again', true)).rejects.toMatchObject({ code: 'KEY_ROTATION_IN_PROGRESS' });
    await first;
  });

  it('refuses another rotation within an hour unless forced, saying when it is allowed', async () => {
    await rotate();
    t.clock.time = new Date('2026-05-13T10:30:00Z');
    await expect(rotate('once more')).rejects.toMatchObject({
      code: 'ROTATION_TOO_SOON',
      details: { lastRotationAt: '2026-05-13T10:00:00.000Z', nextAllowedAt: '2026-05-13T11:00:00.000Z', retryAfterSeconds: 1800 },
    });
    expect(t.keys.held.has('v3')).toBe(false);
    expect(await rotate('key seen in a log', true)).toMatchObject({ masterKeyVersion: 'v3' });
    // The forced one counts too: the wait runs from it.
    t.clock.time = new Date('2026-05-13T11:15:00Z');
    await expect(rotate()).rejects.toMatchObject({ code: 'ROTATION_TOO_SOON', details: { nextAllowedAt: '2026-05-13T11:30:00.000Z' } });
    t.clock.time = new Date('2026-05-13T11:30:00Z');
    expect(await rotate()).toMatchObject({ masterKeyVersion: 'v4' });
  });

  it('audits every rotation: who, when, why, forced, in the store and on the access log', async () => {
    await rotate('quarterly drill');
    t.clock.time = new Date('2026-05-13T10:05:00Z');
    await rotate('key seen in a log', true);
    expect(t.store.rotations).toEqual([
      { rotatedBy: admin.userId, rotatedByRole: 'TECH_ADMIN', trigger: 'manual', reason: 'quarterly drill', forced: false, rotatedAt: new Date('2026-05-13T10:00:00Z'), masterKeyVersion: 'v2' },
      { rotatedBy: admin.userId, rotatedByRole: 'TECH_ADMIN', trigger: 'manual', reason: 'key seen in a log', forced: true, rotatedAt: new Date('2026-05-13T10:05:00Z'), masterKeyVersion: 'v3' },
    ]);
    const audit = t.store.events.filter((event) => event.type === 'pii.masterKeyRotated');
    expect(audit.map((event) => [event.topic, event.payload])).toEqual([
      ['pii.access.log', { rotatedBy: admin.userId, rotatedByRole: 'TECH_ADMIN', trigger: 'manual', reason: 'quarterly drill', forced: false, masterKeyVersion: 'v2', previousVersions: ['v1'], at: '2026-05-13T10:00:00.000Z' }],
      ['pii.access.log', { rotatedBy: admin.userId, rotatedByRole: 'TECH_ADMIN', trigger: 'manual', reason: 'key seen in a log', forced: true, masterKeyVersion: 'v3', previousVersions: ['v2'], at: '2026-05-13T10:05:00.000Z' }],
    ]);
  });
});
