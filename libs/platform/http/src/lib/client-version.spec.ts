import { checkClientVersion, StaticClientVersionPolicy } from './client-version';

const policy = new StaticClientVersionPolicy({ web: '1.0.0', android: '2.3.0', desktop: '1.0.0' });

describe('checkClientVersion', () => {
  it('lets requests without client headers through', () => {
    expect(checkClientVersion(undefined, undefined, policy)).toEqual({ ok: true });
  });

  it('asks an outdated client to upgrade, naming the minimum', () => {
    expect(checkClientVersion('android', '2.2.9', policy)).toMatchObject({ ok: false, status: 426, minVersion: '2.3.0' });
    expect(checkClientVersion('Android', '2.3.0', policy)).toEqual({ ok: true });
    expect(checkClientVersion('web', '1.0.0-beta.1', policy)).toMatchObject({ status: 426 });
  });

  it('rejects unknown platforms and malformed versions', () => {
    expect(checkClientVersion('ios', '1.0.0', policy)).toMatchObject({ status: 400, code: 'INVALID_CLIENT_HEADERS' });
    expect(checkClientVersion('web', 'latest', policy)).toMatchObject({ status: 400 });
    expect(checkClientVersion('web', undefined, policy)).toMatchObject({ status: 400 });
  });
});
