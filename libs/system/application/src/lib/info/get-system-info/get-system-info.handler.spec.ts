import { GetSystemInfoHandler } from './get-system-info.handler';

describe('GetSystemInfoHandler', () => {
  it('answers with this instance’s version and hosted modules', async () => {
    const handler = new GetSystemInfoHandler({ name: 'Tall', version: '1.2.3', instanceId: 'host-1-abc', hostedModules: ['profile', 'system'], startedAt: '2026-05-13T08:00:00.000Z' });
    expect(await handler.execute()).toEqual({ name: 'Tall', version: '1.2.3', instanceId: 'host-1-abc', modules: ['profile', 'system'], startedAt: '2026-05-13T08:00:00.000Z' });
  });
});
