import { randomUUID } from 'node:crypto';
import { emailBlindIndex } from '@tall/pii/contracts';
import { inMemoryPii, type InMemoryPiiContext } from '../../testing/in-memory-pii';
import { ReadOwnPersonalDataHandler } from '../read-own-personal-data/read-own-personal-data.handler';
import { ReadOwnPersonalDataQuery } from '../read-own-personal-data/read-own-personal-data.query';
import { StorePersonalDataCommand } from './store-personal-data.command';
import { StorePersonalDataHandler } from './store-personal-data.handler';

describe('StorePersonalDataHandler', () => {
  let t: InMemoryPiiContext;
  let handler: StorePersonalDataHandler;
  const student = randomUUID();

  const register = (userId = student, email = 'Ada.Lovelace@Example.org') =>
    handler.execute(new StorePersonalDataCommand(userId, 'Ada', 'Lovelace', email, '2009-12-10'));
  const eventsOf = (type: string) => t.store.events.filter((event) => event.type === type);

  beforeEach(() => {
    t = inMemoryPii();
    handler = new StorePersonalDataHandler(t.store, t.emails, t.vault);
  });

  it('stores every field encrypted and publishes only the names of the fields', async () => {
    const result = await register();
    expect(result).toEqual({ userId: student, emailBlindIndex: emailBlindIndex(t.emails.key, 'ada.lovelace@example.org'), created: true });
    const stored = t.store.records.get(student);
    const bytes = Buffer.concat(Object.values(stored?.ciphertexts ?? {}).filter((value): value is Buffer => value !== null));
    for (const value of ['Ada', 'Lovelace', 'Example', '2009-12-10']) expect(bytes.includes(Buffer.from(value))).toBe(false);
    expect(eventsOf('user.pii.updated').map((event) => event.payload)).toEqual([
      { userId: student, fields: ['firstName', 'lastName', 'email', 'birthDate'], at: expect.any(String) },
    ]);
    // Ids and blind indexes are hex, which can spell 'ada': look for the name as a whole word.
    expect(JSON.stringify(t.store.events)).not.toMatch(/\bAda\b|Lovelace|example/i);
  });

  it('replaces on a second store, keeping an omitted birth date', async () => {
    await register();
    const again = await handler.execute(new StorePersonalDataCommand(student, 'Ada', 'King', 'ada.lovelace@example.org '));
    expect(again.created).toBe(false);
    const own = await new ReadOwnPersonalDataHandler(t.vault, t.accessLog).execute(new ReadOwnPersonalDataQuery(student, 'STUDENT'));
    expect(own).toMatchObject({ firstName: 'Ada', lastName: 'King', birthDate: '2009-12-10', locale: null });
  });

  it('refuses an email another user has, compared as normalised', async () => {
    await register();
    await expect(register(randomUUID(), ' ADA.lovelace@example.ORG')).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });
  });

  it('answers erased for an erased user', async () => {
    await register();
    await t.store.shred({ userId: student, erasedAt: new Date(), reason: 'account-deleted' }, []);
    await expect(register()).rejects.toMatchObject({ code: 'PII_ERASED' });
  });
});
