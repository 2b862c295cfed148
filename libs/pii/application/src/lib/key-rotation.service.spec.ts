import { randomUUID } from 'node:crypto';
import { KeyRotationService } from './key-rotation.service';
import { PersonalDataService } from './personal-data.service';
import { RotationInProgressError } from './pii-errors';
import { InMemoryMasterKeys, InMemoryPii, RecordingIntegrityMonitor, TestEmailIndexer } from './testing/in-memory-pii';

describe('KeyRotationService', () => {
  let store: InMemoryPii;
  let keys: InMemoryMasterKeys;
  let service: PersonalDataService;
  let integrity: RecordingIntegrityMonitor;
  let now: Date;
  let rotation: KeyRotationService;
  const users = Array.from({ length: 450 }, () => randomUUID());

  beforeEach(async () => {
    now = new Date('2026-01-01T00:00:00Z');
    store = new InMemoryPii();
    keys = new InMemoryMasterKeys(store, () => now);
    integrity = new RecordingIntegrityMonitor();
    service = new PersonalDataService(store, keys, new TestEmailIndexer(), integrity);
    rotation = new KeyRotationService(keys, store, integrity, () => now);
    for (const [index, userId] of users.entries()) {
      await service.store({ userId, firstName: `First${index}`, lastName: 'Last', email: `user${index}@example.org` });
    }
  });

  it('re-wraps every data key under a new version, retires the old one, and everything still reads', async () => {
    const result = await rotation.rotate();
    expect(result).toEqual({ masterKeyVersion: 'v2', previousVersions: ['v1'], rewrappedDataKeys: 450, retiredVersions: ['v1'], remaining: 0 });
    expect([...store.records.values()].every((record) => record.masterVersion === 'v2')).toBe(true);
    expect(keys.held.has('v1')).toBe(false);
    expect(await service.readOwn(users[123], 'STUDENT')).toMatchObject({ firstName: 'First123' });
  });

  it('keeps an old version while a data key still refers to it', async () => {
    const record = store.records.get(users[0]);
    if (!record) throw new Error('missing');
    record.wrappedKey[5] ^= 1; // cannot be re-wrapped: stays under v1
    const result = await rotation.rotate();
    expect(result).toMatchObject({ rewrappedDataKeys: 449, retiredVersions: [], remaining: 1 });
    expect(keys.held.has('v1')).toBe(true);
    expect(integrity.failures[0]).toMatchObject({ subjectId: users[0], what: 'dataKey' });
  });

  it('runs one rotation at a time', async () => {
    const first = rotation.rotate();
    await expect(rotation.rotate()).rejects.toBeInstanceOf(RotationInProgressError);
    await first;
  });

  it('rotates from the daily job only once the current version is 90 days old', async () => {
    now = new Date('2026-03-31T00:00:00Z'); // 89 days
    expect(await rotation.sweep()).toMatchObject({ masterKeyVersion: 'v1', rewrappedDataKeys: 0 });
    now = new Date('2026-04-01T00:00:00Z'); // 90 days
    expect(await rotation.sweep()).toMatchObject({ masterKeyVersion: 'v2', rewrappedDataKeys: 450 });
  });
});
