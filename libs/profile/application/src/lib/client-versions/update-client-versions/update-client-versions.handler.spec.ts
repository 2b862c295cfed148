import { FakeClock, InMemoryProfileStore } from '../../testing/in-memory-profile';
import { GetClientVersionsHandler } from '../get-client-versions/get-client-versions.handler';
import { UpdateClientVersionsCommand } from './update-client-versions.command';
import { UpdateClientVersionsHandler } from './update-client-versions.handler';

describe('UpdateClientVersionsHandler', () => {
  const defaults = { web: '1.0.0', android: '1.1.0', desktop: '1.2.0' };

  it('stores the changed platforms over the configured defaults and enforces them here at once', async () => {
    const store = new InMemoryProfileStore();
    const enforcement = { enforce: jest.fn() };
    const handler = new UpdateClientVersionsHandler(store, new FakeClock(), defaults, enforcement);
    const expected = { web: '1.0.0', android: '2.0.0', desktop: '1.2.0' };
    await expect(handler.execute(new UpdateClientVersionsCommand({ android: '2.0.0' }))).resolves.toEqual(expected);
    expect(enforcement.enforce).toHaveBeenCalledWith(expected);
    await expect(new GetClientVersionsHandler(store, defaults).execute()).resolves.toEqual(expected);
  });
});
