import { FakeClock, FakePersonalData, InMemoryProfileStore } from '../../testing/in-memory-profile';
import { BackfillPiiRolesCommand, PII_ROLES_BACKFILL_TASK } from './backfill-pii-roles.command';
import { BackfillPiiRolesHandler } from './backfill-pii-roles.handler';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('BackfillPiiRolesHandler', () => {
  function setup() {
    const store = new InMemoryProfileStore();
    const pii = new FakePersonalData();
    const clock = new FakeClock();
    // Out of id order on purpose: the pages follow the ids, not the insertion order.
    store.addUser({ id: id(5), role: 'TECH_ADMIN' });
    store.addUser({ id: id(1), role: 'STUDENT' });
    store.addUser({ id: id(3), role: 'TEACHER', status: 'disabled' });
    store.addUser({ id: id(2), role: 'EDU_ADMIN' });
    store.addUser({ id: id(4), role: 'STUDENT', status: 'deleted' });
    store.addUser({ id: id(6), role: 'STUDENT', status: 'pending' });
    store.addUser({ id: id(7), role: 'STUDENT' });
    return { store, pii, clock, handler: new BackfillPiiRolesHandler(store, pii, clock) };
  }

  it('sends every existing account’s role in pages, then records the backfill as done', async () => {
    const { store, pii, clock, handler } = setup();
    pii.roles.set(id(2), 'EDU_ADMIN');

    const outcome = await handler.execute(new BackfillPiiRolesCommand(2));

    expect(outcome).toEqual({ ran: true, accounts: 5, batches: 3, recorded: 4 });
    expect(pii.roleBatches).toEqual([
      [
        { userId: id(1), role: 'STUDENT' },
        { userId: id(2), role: 'EDU_ADMIN' },
      ],
      [
        { userId: id(3), role: 'TEACHER' },
        { userId: id(5), role: 'TECH_ADMIN' },
      ],
      [{ userId: id(7), role: 'STUDENT' }],
    ]);
    // Neither the deleted account nor the registration still pending reaches pii.
    expect([...pii.roles.keys()].sort()).toEqual([id(1), id(2), id(3), id(5), id(7)]);
    expect(store.oneTimeTasks.get(PII_ROLES_BACKFILL_TASK)).toEqual(clock.now());
  });

  it('runs once per database: done, it sends nothing again', async () => {
    const { pii, handler } = setup();
    await handler.execute(new BackfillPiiRolesCommand());
    expect(pii.roleBatches).toHaveLength(1);
    expect(await handler.execute(new BackfillPiiRolesCommand())).toEqual({ ran: false });
    expect(pii.roleBatches).toHaveLength(1);
  });

  it('stops at the page that ends exactly at the last account, without an empty call to pii', async () => {
    const { pii, handler } = setup();
    expect(await handler.execute(new BackfillPiiRolesCommand(5))).toMatchObject({ accounts: 5, batches: 1 });
    expect(pii.roleBatches).toHaveLength(1);
  });

  it('is not recorded as done when pii refuses a batch, and completes when run again', async () => {
    const { store, pii, handler } = setup();
    pii.failRecordRolesAfter = 1;

    await expect(handler.execute(new BackfillPiiRolesCommand(2))).rejects.toThrow('pii is unavailable');
    expect(store.oneTimeTasks.has(PII_ROLES_BACKFILL_TASK)).toBe(false);
    expect(pii.roles.size).toBe(2);

    pii.failRecordRolesAfter = undefined;
    expect(await handler.execute(new BackfillPiiRolesCommand(2))).toEqual({ ran: true, accounts: 5, batches: 3, recorded: 3 });
    expect(store.oneTimeTasks.has(PII_ROLES_BACKFILL_TASK)).toBe(true);
  });

  it('records an empty database as done too', async () => {
    const store = new InMemoryProfileStore();
    const pii = new FakePersonalData();
    const handler = new BackfillPiiRolesHandler(store, pii, new FakeClock());
    expect(await handler.execute(new BackfillPiiRolesCommand())).toEqual({ ran: true, accounts: 0, batches: 0, recorded: 0 });
    expect(pii.roleBatches).toEqual([]);
    expect(store.oneTimeTasks.has(PII_ROLES_BACKFILL_TASK)).toBe(true);
  });

  it('refuses a page size that could never make progress', async () => {
    const { handler } = setup();
    await expect(handler.execute(new BackfillPiiRolesCommand(0))).rejects.toThrow(RangeError);
  });
});
