import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_VERSION } from './app-version';
import { hostedModules } from './hosted-modules';

describe('hostedModules', () => {
  const known = ['profile', 'pii', 'system'];

  it('hosts everything by default', () => {
    expect(hostedModules('all', known)).toEqual(known);
    expect(hostedModules('', known)).toEqual(known);
  });

  it('hosts the named modules in catalog order', () => {
    expect(hostedModules('system, profile', known)).toEqual(['profile', 'system']);
  });

  it('refuses unknown module names', () => {
    expect(() => hostedModules('profile,billing', known)).toThrow(/unknown modules: billing/);
  });

  it('reports the version of package.json', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../../../package.json'), 'utf8'));
    expect(APP_VERSION).toBe(pkg.version);
  });
});
