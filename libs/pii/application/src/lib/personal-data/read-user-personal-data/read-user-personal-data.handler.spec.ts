import { randomUUID } from 'node:crypto';
import { inMemoryPii, type InMemoryPiiContext } from '../../testing/in-memory-pii';
import { StorePersonalDataCommand } from '../store-personal-data/store-personal-data.command';
import { StorePersonalDataHandler } from '../store-personal-data/store-personal-data.handler';
import { ReadUserPersonalDataHandler } from './read-user-personal-data.handler';
import { ReadUserPersonalDataQuery } from './read-user-personal-data.query';

describe('ReadUserPersonalDataHandler', () => {
  let t: InMemoryPiiContext;
  let handler: ReadUserPersonalDataHandler;
  const student = randomUUID();
  const teacher = randomUUID();
  const admin = randomUUID();

  beforeEach(async () => {
    t = inMemoryPii();
    handler = new ReadUserPersonalDataHandler(t.store, t.vault, t.accessLog);
    await new StorePersonalDataHandler(t.store, t.emails, t.vault).execute(
      new StorePersonalDataCommand(student, 'Ada', 'Lovelace', 'Ada.Lovelace@Example.org', '2009-12-10'),
    );
  });

  it('lets an admin read everything and a teacher only the name of a linked student', async () => {
    t.store.roles.set(student, 'STUDENT'); // learned from profile's user.created
    const byAdmin = await handler.execute(new ReadUserPersonalDataQuery({ kind: 'user', userId: admin, role: 'EDU_ADMIN' }, student, 'user-administration'));
    expect(byAdmin).toMatchObject({ email: 'Ada.Lovelace@Example.org', birthDate: '2009-12-10' });

    const asTeacher = { kind: 'user' as const, userId: teacher, role: 'TEACHER' };
    await expect(handler.execute(new ReadUserPersonalDataQuery(asTeacher, student, 'teaching'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    t.store.links.add(`${teacher}:${student}`);
    const byTeacher = await handler.execute(new ReadUserPersonalDataQuery(asTeacher, student, 'teaching'));
    expect(byTeacher).toEqual({ userId: student, firstName: 'Ada', lastName: 'Lovelace' });
    expect(t.store.events.filter((event) => event.type === 'pii.accessed').map((event) => event.payload)).toEqual([
      expect.objectContaining({ accessorId: admin, accessorRole: 'EDU_ADMIN', purpose: 'user-administration' }),
      expect.objectContaining({ accessorId: teacher, accessorRole: 'TEACHER', fields: ['firstName', 'lastName'], purpose: 'teaching' }),
    ]);
  });

  it('refuses an EDU_ADMIN the data of an admin (profile lets them administer teachers and students only), not a TECH_ADMIN', async () => {
    const techAdmin = randomUUID();
    await new StorePersonalDataHandler(t.store, t.emails, t.vault).execute(new StorePersonalDataCommand(techAdmin, 'Tim', 'Berners', 'tim@example.org'));
    const asEduAdmin = () => handler.execute(new ReadUserPersonalDataQuery({ kind: 'user', userId: admin, role: 'EDU_ADMIN' }, techAdmin, 'user-administration'));
    // Not learned yet: refused rather than assumed harmless.
    await expect(asEduAdmin()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    t.store.roles.set(techAdmin, 'TECH_ADMIN');
    await expect(asEduAdmin()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const byTechAdmin = await handler.execute(new ReadUserPersonalDataQuery({ kind: 'user', userId: randomUUID(), role: 'TECH_ADMIN' }, techAdmin, 'user-administration'));
    expect(byTechAdmin).toMatchObject({ email: 'tim@example.org' });
    expect(t.store.events.filter((event) => event.type === 'pii.accessed' && (event.payload as { subjectId: string }).subjectId === techAdmin)).toHaveLength(1);
  });
});
