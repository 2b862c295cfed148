import { ConfigError, loadConfig } from './load-config';

const minimal = { DATABASE_URL: 'postgres://tall@127.0.0.1:5432/tall', MONGODB_URI: 'mongodb://127.0.0.1:27017/tall' };

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig(minimal);
    expect(config.PORT).toBe(3000);
    expect(config.MODULES).toBe('all');
    expect(config.MIN_CLIENT_VERSION_ANDROID).toBe('1.0.0');
    expect(config.KAFKA_BROKERS).toBeUndefined();
  });

  it('names a missing variable', () => {
    expect(() => loadConfig({ MONGODB_URI: minimal.MONGODB_URI })).toThrow(/DATABASE_URL is required but not set/);
  });

  it('names each invalid variable', () => {
    try {
      loadConfig({ ...minimal, PORT: 'eighty', MIN_CLIENT_VERSION_WEB: 'v2' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toEqual(
        expect.arrayContaining([expect.stringMatching(/^PORT:/), expect.stringMatching(/^MIN_CLIENT_VERSION_WEB: must be a semantic version/)]),
      );
    }
  });

  it('parses lists and flags', () => {
    const config = loadConfig({ ...minimal, KAFKA_BROKERS: 'a:9092, b:9092', CRON_ENABLED: 'false' });
    expect(config.KAFKA_BROKERS).toEqual(['a:9092', 'b:9092']);
    expect(config.CRON_ENABLED).toBe(false);
  });

  it('parses the internal addresses of modules hosted elsewhere and names a bad entry', () => {
    expect(loadConfig(minimal).MODULE_URLS).toEqual({});
    const config = loadConfig({ ...minimal, MODULE_URLS: 'pii=tcp://127.0.0.1:3101/, profile=tcp://profile.internal:3100, lobby=tcp://[::1]:3102' });
    expect(config.MODULE_URLS).toEqual({ pii: 'tcp://127.0.0.1:3101', profile: 'tcp://profile.internal:3100', lobby: 'tcp://[::1]:3102' });
    expect(() => loadConfig({ ...minimal, MODULE_URLS: 'pii:3001' })).toThrow(/MODULE_URLS: "pii:3001" is not <module>=tcp:\/\/<host>:<port>$/m);
    for (const bad of ['pii=tcp://10.0.0.5', 'pii=tcp://10.0.0.5:0', 'pii=tcp://10.0.0.5:3100/internal', 'pii=tcp://user:pw@10.0.0.5:3100', 'pii=udp://10.0.0.5:3100']) {
      expect(() => loadConfig({ ...minimal, MODULE_URLS: bad })).toThrow(/is not <module>=tcp:\/\/<host>:<port>/);
    }
  });

  it('refuses the HTTP addresses calls between processes used to go to, saying where they go now', () => {
    expect(() => loadConfig({ ...minimal, MODULE_URLS: 'pii=http://127.0.0.1:3001' })).toThrow(
      /MODULE_URLS: "pii=http:\/\/127.0.0.1:3001" is not <module>=tcp:\/\/<host>:<port>: calls between processes go to the INTERNAL_PORT/,
    );
    expect(() => loadConfig({ ...minimal, MODULE_URLS: 'pii=https://pii.internal' })).toThrow(/INTERNAL_PORT/);
  });

  it('has no internal listener unless INTERNAL_PORT is set, and never one on the public port', () => {
    expect(loadConfig(minimal).INTERNAL_PORT).toBeUndefined();
    expect(loadConfig({ ...minimal, INTERNAL_PORT: '3100', INTERNAL_HOST: '10.0.0.5' })).toMatchObject({ INTERNAL_PORT: 3100, INTERNAL_HOST: '10.0.0.5' });
    expect(() => loadConfig({ ...minimal, INTERNAL_PORT: '3000' })).toThrow(/INTERNAL_PORT: must differ from PORT/);
    expect(() => loadConfig({ ...minimal, PORT: '8080', INTERNAL_PORT: '8080' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...minimal, INTERNAL_PORT: '70000' })).toThrow(/INTERNAL_PORT:/);
  });

  it('trusts no proxy by default, and a hop count or a list of proxies when told', () => {
    expect(loadConfig(minimal).TRUST_PROXY).toBe(false);
    expect(loadConfig({ ...minimal, TRUST_PROXY: '0' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ ...minimal, TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ ...minimal, TRUST_PROXY: '10.0.0.0/8, 192.168.1.7, fd00::/8, loopback' }).TRUST_PROXY).toEqual(['10.0.0.0/8', '192.168.1.7', 'fd00::/8', 'loopback']);
  });

  it('refuses to trust every proxy, and names an entry that is not an address', () => {
    expect(() => loadConfig({ ...minimal, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: trusting every proxy lets any client choose its own address/);
    expect(() => loadConfig({ ...minimal, TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY: "10.0.0.0\/33" is not a hop count/);
    expect(() => loadConfig({ ...minimal, TRUST_PROXY: '10.0.0.1,ingress.local' })).toThrow(/TRUST_PROXY: "ingress.local" is not/);
  });
});
