import { randomUUID } from 'node:crypto';
import { PiiIntegrityError } from '@tall/pii/domain';
import { inMemoryPii, type InMemoryPiiContext } from '../../testing/in-memory-pii';
import { StorePersonalDataCommand } from '../store-personal-data/store-personal-data.command';
import { StorePersonalDataHandler } from '../store-personal-data/store-personal-data.handler';
import { ReadOwnPersonalDataHandler } from './read-own-personal-data.handler';
import { ReadOwnPersonalDataQuery } from './read-own-personal-data.query';

describe('ReadOwnPersonalDataHandler', () => {
  let t: InMemoryPiiContext;
  let handler: ReadOwnPersonalDataHandler;
  const student = randomUUID();

  const register = () =>
    new StorePersonalDataHandler(t.store, t.emails, t.vault).execute(
      new StorePersonalDataCommand(student, 'Ada', 'Lovelace', 'Ada.Lovelace@Example.org', '2009-12-10'),
    );
  const readOwn = () => handler.execute(new ReadOwnPersonalDataQuery(student, 'STUDENT'));
  const eventsOf = (type: string) => t.store.events.filter((event) => event.type === type);

  beforeEach(() => {
    t = inMemoryPii();
    handler = new ReadOwnPersonalDataHandler(t.vault, t.accessLog);
  });

  it('audits the user reading their own data', async () => {
    await register();
    await expect(readOwn()).resolves.toMatchObject({ userId: student, firstName: 'Ada', email: 'Ada.Lovelace@Example.org', locale: null });
    expect(eventsOf('pii.accessed').map((event) => event.payload)).toEqual([
      {
        accessorId: student,
        accessorRole: 'STUDENT',
        subjectId: student,
        fields: ['firstName', 'lastName', 'email', 'birthDate', 'locale'],
        purpose: 'self-service',
        at: expect.any(String),
      },
    ]);
  });

  it('fails a read of a tampered ciphertext with an integrity error, reports it, and audits nothing', async () => {
    await register();
    const record = t.store.records.get(student);
    if (!record) throw new Error('not stored');
    record.ciphertexts.lastName[30] ^= 1;
    const failure = readOwn();
    await expect(failure).rejects.toBeInstanceOf(PiiIntegrityError);
    await expect(failure).rejects.toMatchObject({ code: 'PII_INTEGRITY_FAILURE' });
    expect(t.integrity.failures).toEqual([{ subjectId: student, what: 'lastName', kind: 'tampered' }]);
    expect(eventsOf('pii.accessed')).toEqual([]);
  });

  it('answers not found when nothing is held, and erased for an erased user', async () => {
    await expect(readOwn()).rejects.toMatchObject({ code: 'PII_NOT_FOUND' });
    await register();
    await t.store.shred({ userId: student, erasedAt: new Date(), reason: 'account-deleted' }, []);
    await expect(readOwn()).rejects.toMatchObject({ code: 'PII_ERASED' });
  });
});
