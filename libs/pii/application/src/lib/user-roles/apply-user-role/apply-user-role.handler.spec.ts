import { randomUUID } from 'node:crypto';
import { ReadUserPersonalDataHandler } from '../../personal-data/read-user-personal-data/read-user-personal-data.handler';
import { ReadUserPersonalDataQuery } from '../../personal-data/read-user-personal-data/read-user-personal-data.query';
import { StorePersonalDataCommand } from '../../personal-data/store-personal-data/store-personal-data.command';
import { StorePersonalDataHandler } from '../../personal-data/store-personal-data/store-personal-data.handler';
import { ShredPersonalDataCommand } from '../../erasure/shred-personal-data/shred-personal-data.command';
import { ShredPersonalDataHandler } from '../../erasure/shred-personal-data/shred-personal-data.handler';
import { inMemoryPii } from '../../testing/in-memory-pii';
import { ApplyUserRoleCommand } from './apply-user-role.command';
import { ApplyUserRoleHandler } from './apply-user-role.handler';

describe('ApplyUserRoleHandler', () => {
  const delivery = (eventId: string) => ({ eventId, handler: 'pii.userRoles' });

  it('keeps the latest role, each event applied once, and an EDU_ADMIN reads by it', async () => {
    const t = inMemoryPii();
    const handler = new ApplyUserRoleHandler(t.store);
    const read = new ReadUserPersonalDataHandler(t.store, t.vault, t.accessLog);
    const userId = randomUUID();
    await new StorePersonalDataHandler(t.store, t.emails, t.vault).execute(new StorePersonalDataCommand(userId, 'Ada', 'Lovelace', 'ada@example.org'));
    const eduAdmin = { kind: 'user' as const, userId: randomUUID(), role: 'EDU_ADMIN' };
    const asEduAdmin = () => read.execute(new ReadUserPersonalDataQuery(eduAdmin, userId, 'user-administration'));

    // Not learned yet: refused, never assumed allowed.
    await expect(asEduAdmin()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await handler.execute(new ApplyUserRoleCommand(delivery('e-1'), userId, 'STUDENT'))).toBe(true);
    await expect(asEduAdmin()).resolves.toMatchObject({ email: 'ada@example.org' });

    expect(await handler.execute(new ApplyUserRoleCommand(delivery('e-2'), userId, 'TECH_ADMIN'))).toBe(true);
    await expect(asEduAdmin()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // A redelivered older event does not bring the old role back.
    expect(await handler.execute(new ApplyUserRoleCommand(delivery('e-1'), userId, 'STUDENT'))).toBe(false);
    expect(await t.store.rolesOf([userId])).toEqual(new Map([[userId, 'TECH_ADMIN']]));
  });

  it('forgets the role of an erased user, and learns none for them afterwards', async () => {
    const t = inMemoryPii();
    const handler = new ApplyUserRoleHandler(t.store);
    const userId = randomUUID();
    await handler.execute(new ApplyUserRoleCommand(delivery('e-1'), userId, 'STUDENT'));
    await new ShredPersonalDataHandler(t.store, t.clock).execute(new ShredPersonalDataCommand(userId, 'account-deleted'));
    await handler.execute(new ApplyUserRoleCommand(delivery('e-2'), userId, 'TEACHER'));
    expect(await t.store.rolesOf([userId])).toEqual(new Map());
  });
});
