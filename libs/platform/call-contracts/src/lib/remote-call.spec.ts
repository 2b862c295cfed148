import { z } from 'zod';
import { defineRemoteCall } from './remote-call';
import { exportUserDataCall, UserDataSectionSchema } from './user-data-export';

const io = { description: 'd', input: z.strictObject({}), output: z.strictObject({}) };

describe('remote call contracts', () => {
  it('are named <module>.<camelCaseCall> after their module', () => {
    expect(defineRemoteCall({ name: 'pii.storePersonalData', module: 'pii', ...io }).module).toBe('pii');
    expect(() => defineRemoteCall({ name: 'profile.storePersonalData', module: 'pii', ...io })).toThrow(/<module>.<call>/);
    expect(() => defineRemoteCall({ name: 'pii.store-data', module: 'pii', ...io })).toThrow(/camelCase/);
    expect(() => defineRemoteCall({ name: 'Pii.store', module: 'Pii', ...io })).toThrow(/not a module name/);
  });

  it('give every module one export contract object', () => {
    expect(exportUserDataCall('lobby')).toBe(exportUserDataCall('lobby'));
    expect(exportUserDataCall('lobby').name).toBe('lobby.exportUserData');
  });

  it('require purposes, retention and recipients in an export section', () => {
    expect(UserDataSectionSchema.safeParse({ context: 'system', data: {} }).success).toBe(false);
    expect(UserDataSectionSchema.safeParse({ context: 'system', data: {}, purposes: [], retention: 'none', recipients: [] }).success).toBe(true);
  });
});
