import { randomUUID } from 'node:crypto';
import { ShredPersonalDataCommand } from '../../erasure/shred-personal-data/shred-personal-data.command';
import { ShredPersonalDataHandler } from '../../erasure/shred-personal-data/shred-personal-data.handler';
import { ReadUserPersonalDataHandler } from '../../personal-data/read-user-personal-data/read-user-personal-data.handler';
import { ReadUserPersonalDataQuery } from '../../personal-data/read-user-personal-data/read-user-personal-data.query';
import { StorePersonalDataCommand } from '../../personal-data/store-personal-data/store-personal-data.command';
import { StorePersonalDataHandler } from '../../personal-data/store-personal-data/store-personal-data.handler';
import { inMemoryPii } from '../../testing/in-memory-pii';
import { ApplyUserRoleCommand } from '../apply-user-role/apply-user-role.command';
import { ApplyUserRoleHandler } from '../apply-user-role/apply-user-role.handler';
import { RecordUserRolesCommand } from './record-user-roles.command';
import { RecordUserRolesHandler } from './record-user-roles.handler';

describe('RecordUserRolesHandler', () => {
  it('lets an EDU_ADMIN read an account created before pii kept roles, once profile has sent its role', async () => {
    const t = inMemoryPii();
    const handler = new RecordUserRolesHandler(t.store);
    const read = new ReadUserPersonalDataHandler(t.store, t.vault, t.accessLog);
    const studentId = randomUUID();
    const techAdminId = randomUUID();
    const store = new StorePersonalDataHandler(t.store, t.emails, t.vault);
    await store.execute(new StorePersonalDataCommand(studentId, 'Ada', 'Lovelace', 'ada@example.org'));
    await store.execute(new StorePersonalDataCommand(techAdminId, 'Grace', 'Hopper', 'grace@example.org'));
    const eduAdmin = { kind: 'user' as const, userId: randomUUID(), role: 'EDU_ADMIN' };
    const asEduAdmin = (userId: string) => read.execute(new ReadUserPersonalDataQuery(eduAdmin, userId, 'user-administration'));
    await expect(asEduAdmin(studentId)).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const recorded = await handler.execute(
      new RecordUserRolesCommand([
        { userId: studentId, role: 'STUDENT' },
        { userId: techAdminId, role: 'TECH_ADMIN' },
      ]),
    );

    expect(recorded).toBe(2);
    await expect(asEduAdmin(studentId)).resolves.toMatchObject({ email: 'ada@example.org' });
    await expect(asEduAdmin(techAdminId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('never overwrites a role learnt from an event, and records nothing for an erased user', async () => {
    const t = inMemoryPii();
    const handler = new RecordUserRolesHandler(t.store);
    const promoted = randomUUID();
    const erased = randomUUID();
    const unknown = randomUUID();
    // The event is newer than the backfill's snapshot: the account was promoted meanwhile.
    await new ApplyUserRoleHandler(t.store).execute(new ApplyUserRoleCommand({ eventId: 'e-1', handler: 'pii.userRoles' }, promoted, 'TECH_ADMIN'));
    await new ShredPersonalDataHandler(t.store, t.clock).execute(new ShredPersonalDataCommand(erased, 'account-deleted'));

    const recorded = await handler.execute(
      new RecordUserRolesCommand([
        { userId: promoted, role: 'STUDENT' },
        { userId: erased, role: 'STUDENT' },
        { userId: unknown, role: 'TEACHER' },
      ]),
    );

    expect(recorded).toBe(1);
    expect(await t.store.rolesOf([promoted, erased, unknown])).toEqual(
      new Map([
        [promoted, 'TECH_ADMIN'],
        [unknown, 'TEACHER'],
      ]),
    );
    // Sent again (a backfill that ran twice): nothing changes.
    expect(await handler.execute(new RecordUserRolesCommand([{ userId: unknown, role: 'STUDENT' }]))).toBe(0);
    expect(await t.store.rolesOf([unknown])).toEqual(new Map([[unknown, 'TEACHER']]));
    expect(await handler.execute(new RecordUserRolesCommand([]))).toBe(0);
  });
});
