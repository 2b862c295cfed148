import { UserUpdated } from '@tall/profile/contracts';
import { FakeClock, InMemoryProfileStore } from '../../testing/in-memory-profile';
import { UpdateEmailIndexCommand } from './update-email-index.command';
import { UpdateEmailIndexHandler } from './update-email-index.handler';

const USER_ID = '00000000-0000-4000-8000-000000000001';
const OTHER_ID = '00000000-0000-4000-8000-000000000002';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000003';

describe('UpdateEmailIndexHandler', () => {
  function setup() {
    const store = new InMemoryProfileStore();
    store.addUser({ id: USER_ID, role: 'STUDENT', emailIndex: 'old' });
    store.addUser({ id: OTHER_ID, role: 'STUDENT', emailIndex: 'taken' });
    return { store, handler: new UpdateEmailIndexHandler(store, new FakeClock()) };
  }

  it('applies the new index once per event', async () => {
    const { store, handler } = setup();
    const command = new UpdateEmailIndexCommand('event-1', 'profile.onEmailIndexChanged', USER_ID, 'new');
    await expect(handler.execute(command)).resolves.toBe('updated');
    await expect(handler.execute(command)).resolves.toBe('alreadyApplied');
    expect(store.users.get(USER_ID)?.emailIndex).toBe('new');
    expect(store.eventsOfType(UserUpdated.type).map((event) => event.payload)).toEqual([{ userId: USER_ID, changed: ['email'] }]);
  });

  it("keeps the old index when another account signs in with the new one", async () => {
    const { store, handler } = setup();
    await expect(handler.execute(new UpdateEmailIndexCommand('event-2', 'test', USER_ID, 'taken'))).resolves.toBe('indexTaken');
    await expect(handler.execute(new UpdateEmailIndexCommand('event-3', 'test', UNKNOWN_ID, 'fresh'))).resolves.toBe('unknownUser');
    expect(store.users.get(USER_ID)?.emailIndex).toBe('old');
    expect(store.events).toEqual([]);
  });
});
