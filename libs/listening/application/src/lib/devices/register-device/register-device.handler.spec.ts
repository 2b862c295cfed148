import { deviceKeys } from '../../../test-support/device-keys';
import { ANNA, BORIS, listeningFixture, refusalOf, type ListeningFixture } from '../../../test-support/listening-fixture';
import { RevokeDeviceCommand } from '../revoke-device/revoke-device.command';
import { RevokeDeviceHandler } from '../revoke-device/revoke-device.handler';
import { RegisterDeviceCommand } from './register-device.command';
import { MAX_ACTIVE_DEVICES, RegisterDeviceHandler } from './register-device.handler';

describe('RegisterDeviceHandler', () => {
  let fixture: ListeningFixture;
  const laptop = deviceKeys();
  const register = (userId = ANNA, publicKey = laptop.publicKey, name?: string) =>
    new RegisterDeviceHandler(fixture.students, fixture.vault, fixture.clock.read).execute(new RegisterDeviceCommand(userId, { publicKey, ...(name ? { name } : {}) }));

  beforeEach(() => {
    fixture = listeningFixture();
  });

  it('registers the device with its key’s thumbprint, and a content key sealed at rest', async () => {
    const device = await register(ANNA, laptop.publicKey, 'Laptop thuis');
    expect(device).toEqual({ deviceId: expect.any(String), name: 'Laptop thuis', keyThumbprint: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), registeredAt: fixture.clock.now.toISOString() });
    const stored = fixture.students.devices.get(device.deviceId);
    expect(stored).toMatchObject({ userId: ANNA, publicKey: laptop.publicKey, revokedAt: null, contentKey: { keyVersion: 'memory', sealed: expect.any(String) } });
    // Sealed for this student and device only.
    const sealed = stored?.contentKey as NonNullable<typeof stored>['contentKey'] & object;
    expect((await fixture.vault.open(sealed, { userId: ANNA, deviceId: device.deviceId })).length).toBe(32);
    await expect(fixture.vault.open(sealed, { userId: BORIS, deviceId: device.deviceId })).rejects.toThrow();
  });

  it('refuses a key shorter than 2048 bits', async () => {
    expect(await refusalOf(register(ANNA, deviceKeys(1024).publicKey))).toMatchObject({ code: 'DEVICE_KEY_REJECTED', message: expect.stringMatching(/1024/) });
    expect(fixture.students.devices.size).toBe(0);
  });

  it(`keeps at most ${MAX_ACTIVE_DEVICES} active devices per student, counting revoked ones out`, async () => {
    const devices = [];
    for (let index = 0; index < MAX_ACTIVE_DEVICES; index++) devices.push(await register());
    expect(await refusalOf(register())).toMatchObject({ code: 'TOO_MANY_DEVICES' });
    await new RevokeDeviceHandler(fixture.devices, fixture.students, fixture.clock.read).execute(new RevokeDeviceCommand(ANNA, devices[0].deviceId));
    expect(await register()).toMatchObject({ deviceId: expect.any(String) });
    expect(await register(BORIS)).toMatchObject({ deviceId: expect.any(String) });
  });
});
