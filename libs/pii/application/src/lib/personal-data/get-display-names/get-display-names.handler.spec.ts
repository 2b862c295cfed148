import { randomUUID } from 'node:crypto';
import { inMemoryPii, type InMemoryPiiContext } from '../../testing/in-memory-pii';
import { StorePersonalDataCommand } from '../store-personal-data/store-personal-data.command';
import { StorePersonalDataHandler } from '../store-personal-data/store-personal-data.handler';
import { GetDisplayNamesHandler } from './get-display-names.handler';
import { GetDisplayNamesQuery } from './get-display-names.query';

describe('GetDisplayNamesHandler', () => {
  let t: InMemoryPiiContext;
  const student = randomUUID();
  const other = randomUUID();
  const teacher = randomUUID();

  beforeEach(async () => {
    t = inMemoryPii();
    const store = new StorePersonalDataHandler(t.store, t.emails, t.vault);
    await store.execute(new StorePersonalDataCommand(student, 'Ada', 'Lovelace', 'ada@example.org'));
    await store.execute(new StorePersonalDataCommand(other, 'Grace', 'Hopper', 'grace@example.org'));
  });

  it('gives display names only for users the reader may see, each read audited', async () => {
    const handler = new GetDisplayNamesHandler(t.store, t.vault, t.accessLog);
    t.store.links.add(`${teacher}:${student}`);
    const names = await handler.execute(new GetDisplayNamesQuery({ kind: 'user', userId: teacher, role: 'TEACHER' }, [student, other, randomUUID()], 'teaching'));
    expect(names).toEqual([{ userId: student, firstName: 'Ada', lastName: 'Lovelace' }]);
    const all = await handler.execute(new GetDisplayNamesQuery({ kind: 'service', module: 'profile' }, [student, other], 'user-administration'));
    expect(all.map((name) => name.userId).sort()).toEqual([student, other].sort());
    expect(t.store.events.filter((event) => event.type === 'pii.accessed').map((event) => (event.payload as { accessorId: string }).accessorId)).toEqual([
      teacher,
      'service:profile',
      'service:profile',
    ]);
  });

  it('gives an EDU_ADMIN the names of teachers and students only, a TECH_ADMIN every name', async () => {
    const handler = new GetDisplayNamesHandler(t.store, t.vault, t.accessLog);
    const unknown = randomUUID();
    await new StorePersonalDataHandler(t.store, t.emails, t.vault).execute(new StorePersonalDataCommand(unknown, 'New', 'Comer', 'new@example.org'));
    t.store.roles.set(student, 'STUDENT');
    t.store.roles.set(other, 'TECH_ADMIN');
    const ids = [student, other, unknown];
    const byEduAdmin = await handler.execute(new GetDisplayNamesQuery({ kind: 'user', userId: randomUUID(), role: 'EDU_ADMIN' }, ids, 'user-administration'));
    expect(byEduAdmin.map((name) => name.userId)).toEqual([student]);
    const byTechAdmin = await handler.execute(new GetDisplayNamesQuery({ kind: 'user', userId: randomUUID(), role: 'TECH_ADMIN' }, ids, 'user-administration'));
    expect(byTechAdmin.map((name) => name.userId).sort()).toEqual([...ids].sort());
  });
});
