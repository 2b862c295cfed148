import { randomUUID } from 'node:crypto';
import { emailBlindIndex } from '@tall/pii/contracts';
import { inMemoryPii, type InMemoryPiiContext } from '../../testing/in-memory-pii';
import { StorePersonalDataCommand } from '../store-personal-data/store-personal-data.command';
import { StorePersonalDataHandler } from '../store-personal-data/store-personal-data.handler';
import { ReplaceOwnPersonalDataCommand } from './replace-own-personal-data.command';
import { ReplaceOwnPersonalDataHandler } from './replace-own-personal-data.handler';

describe('ReplaceOwnPersonalDataHandler', () => {
  let t: InMemoryPiiContext;
  let handler: ReplaceOwnPersonalDataHandler;
  const student = randomUUID();
  const eventsOf = (type: string) => t.store.events.filter((event) => event.type === type);

  beforeEach(async () => {
    t = inMemoryPii();
    handler = new ReplaceOwnPersonalDataHandler(t.vault, t.accessLog);
    await new StorePersonalDataHandler(t.store, t.emails, t.vault).execute(
      new StorePersonalDataCommand(student, 'Ada', 'Lovelace', 'Ada.Lovelace@Example.org', '2009-12-10'),
    );
  });

  it('publishes the new blind index, and only that, when the email changes', async () => {
    const replaced = await handler.execute(
      new ReplaceOwnPersonalDataCommand(student, 'STUDENT', { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@new.example', birthDate: null, locale: 'nl' }),
    );
    expect(replaced).toMatchObject({ userId: student, email: 'ada@new.example', birthDate: null, locale: 'nl' });
    expect(eventsOf('user.pii.emailIndexChanged').map((event) => event.payload)).toEqual([
      { userId: student, emailBlindIndex: emailBlindIndex(t.emails.key, 'ada@new.example'), at: expect.any(String) },
    ]);
    expect(eventsOf('user.pii.updated').at(-1)?.payload).toMatchObject({ fields: ['email', 'birthDate', 'locale'] });
    await handler.execute(
      new ReplaceOwnPersonalDataCommand(student, 'STUDENT', { firstName: 'Ada', lastName: 'L.', email: 'ADA@new.example', birthDate: null, locale: 'nl' }),
    );
    expect(eventsOf('user.pii.emailIndexChanged')).toHaveLength(1);
    expect(eventsOf('pii.accessed').map((event) => event.payload)).toEqual([
      expect.objectContaining({ accessorId: student, purpose: 'self-service' }),
      expect.objectContaining({ accessorId: student, purpose: 'self-service' }),
    ]);
  });
});
