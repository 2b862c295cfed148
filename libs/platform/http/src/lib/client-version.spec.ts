import semver from 'semver';
import { checkClientVersion, CLIENT_VERSION_MAX_LENGTH, CLIENT_VERSION_PATTERN, StaticClientVersionPolicy } from './client-version';

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
    expect(checkClientVersion(undefined, 'latest', policy)).toMatchObject({ status: 400 });
  });

  it('lets one valid header alone through: it cannot be judged', () => {
    expect(checkClientVersion('web', undefined, policy)).toEqual({ ok: true });
    expect(checkClientVersion(undefined, '0.0.1', policy)).toEqual({ ok: true });
  });

  it('documents the versions it accepts: the pattern matches exactly what the gate reads as a version', () => {
    const pattern = new RegExp(CLIENT_VERSION_PATTERN);
    const samples = ['1.2.3', 'v1.2.3', '=1.0.0', '0.0.0', '1.0.0-beta.1', '1.0.0-0.3.7', '1.0.0-x-y.z', '1.0.0+build.5', '10.20.30-rc.1+sha.abc',
      '1.2', '01.2.3', '1.2.3-01', 'latest', '', '1.2.3.4', '1.2.3-', 'v', '1.2.3+', '99999999999999999.0.0'];
    for (const sample of samples) expect({ sample, matches: pattern.test(sample) }).toEqual({ sample, matches: semver.valid(sample) !== null });
  });

  it('answers 400 exactly to the versions the document rules out (the pattern and the length), and reads every other', () => {
    const pattern = new RegExp(CLIENT_VERSION_PATTERN);
    const longBuild = `1.0.0+${'a'.repeat(CLIENT_VERSION_MAX_LENGTH)}`;
    // Found by the fuzzer: a numeric pre-release of 23 digits matched the old pattern, and semver refused it.
    const samples = ['1.2.3', '1.0.0-0.3.7', '0.0.0-24852517795064517049489', '1.0.0-999999999999999', longBuild, longBuild.slice(0, CLIENT_VERSION_MAX_LENGTH), 'latest'];
    for (const sample of samples) {
      const documented = sample.length <= CLIENT_VERSION_MAX_LENGTH && pattern.test(sample);
      const verdict = checkClientVersion('web', sample, new StaticClientVersionPolicy({ web: '0.0.0', android: '0.0.0', desktop: '0.0.0' }));
      expect({ sample, ok: verdict.ok }).toEqual({ sample, ok: documented });
    }
  });
});
