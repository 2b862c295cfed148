import { randomUUID } from 'node:crypto';
import { ErasureService } from './erasure.service';
import { PersonalDataErasedError, ReauthenticationFailedError } from './pii-errors';
import { PersonalDataService } from './personal-data.service';
import { InMemoryMasterKeys, InMemoryPii, RecordingIntegrityMonitor, TestEmailIndexer } from './testing/in-memory-pii';

describe('ErasureService', () => {
  const userId = randomUUID();
  let store: InMemoryPii;
  let deleted: string[];
  let erasure: ErasureService;

  beforeEach(async () => {
    store = new InMemoryPii();
    deleted = [];
    const identity = {
      verifyPassword: async (_id: string, password: string) => ({ valid: password === 'correct horse' }),
      deleteAccount: async (id: string) => void deleted.push(id),
    };
    erasure = new ErasureService(store, identity);
    await new PersonalDataService(store, new InMemoryMasterKeys(store), new TestEmailIndexer(), new RecordingIntegrityMonitor()).store({
      userId,
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.org',
    });
  });

  it('refuses a wrong password and keeps everything', async () => {
    await expect(erasure.eraseOwn(userId, 'wrong')).rejects.toBeInstanceOf(ReauthenticationFailedError);
    expect(deleted).toEqual([]);
    expect(store.records.has(userId)).toBe(true);
  });

  it('deletes the account, shreds the data key and ciphertexts, then answers erased', async () => {
    await erasure.eraseOwn(userId, 'correct horse');
    expect(deleted).toEqual([userId]);
    expect(store.records.has(userId)).toBe(false);
    expect(store.erasures.get(userId)).toMatchObject({ reason: 'self-erasure' });
    expect(store.events.filter((event) => event.type === 'user.pii.erased').map((event) => event.payload)).toEqual([
      { userId, erasedAt: expect.any(String) },
    ]);
    await expect(erasure.eraseOwn(userId, 'correct horse')).rejects.toBeInstanceOf(PersonalDataErasedError);
    expect(await erasure.shred(userId, 'account-deleted')).toBe(false);
  });
});
