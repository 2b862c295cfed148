import { randomUUID } from 'node:crypto';
import { inMemoryPii, type InMemoryPiiContext } from '../../testing/in-memory-pii';
import { StorePersonalDataCommand } from '../store-personal-data/store-personal-data.command';
import { StorePersonalDataHandler } from '../store-personal-data/store-personal-data.handler';
import { ExportOwnPersonalDataHandler } from './export-own-personal-data.handler';
import { ExportOwnPersonalDataQuery } from './export-own-personal-data.query';

describe('ExportOwnPersonalDataHandler', () => {
  let t: InMemoryPiiContext;
  let handler: ExportOwnPersonalDataHandler;
  const student = randomUUID();
  const teacher = randomUUID();
  const asStudent = { kind: 'user' as const, userId: student, role: 'STUDENT' };

  beforeEach(async () => {
    t = inMemoryPii();
    handler = new ExportOwnPersonalDataHandler(t.store, t.vault, t.accessLog);
  });

  const register = () =>
    new StorePersonalDataHandler(t.store, t.emails, t.vault).execute(new StorePersonalDataCommand(student, 'Ada', 'Lovelace', 'ada@example.org'));

  it('exports only for the user themself (or an admin)', async () => {
    await register();
    await expect(handler.execute(new ExportOwnPersonalDataQuery({ kind: 'user', userId: teacher, role: 'TEACHER' }, student))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(handler.execute(new ExportOwnPersonalDataQuery(asStudent, student))).resolves.toMatchObject({ lastName: 'Lovelace' });
  });

  it('answers nothing held when nothing is, and erased for an erased user', async () => {
    await expect(handler.execute(new ExportOwnPersonalDataQuery(asStudent, student))).resolves.toBeUndefined();
    await register();
    await t.store.shred({ userId: student, erasedAt: new Date(), reason: 'account-deleted' }, []);
    await expect(handler.execute(new ExportOwnPersonalDataQuery(asStudent, student))).rejects.toMatchObject({ code: 'PII_ERASED' });
  });
});
