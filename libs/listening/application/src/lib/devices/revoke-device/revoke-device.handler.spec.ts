import { deviceKeys } from '../../../test-support/device-keys';
import { ANNA, BORIS, listeningFixture, refusalOf, type ListeningFixture } from '../../../test-support/listening-fixture';
import { IssueContentKeyCommand } from '../issue-content-key/issue-content-key.command';
import { IssueContentKeyHandler } from '../issue-content-key/issue-content-key.handler';
import { RegisterDeviceCommand } from '../register-device/register-device.command';
import { RegisterDeviceHandler } from '../register-device/register-device.handler';
import { RevokeDeviceCommand } from './revoke-device.command';
import { RevokeDeviceHandler } from './revoke-device.handler';

describe('RevokeDeviceHandler', () => {
  let fixture: ListeningFixture;
  const register = (userId = ANNA) => new RegisterDeviceHandler(fixture.students, fixture.vault, fixture.clock.read).execute(new RegisterDeviceCommand(userId, { publicKey: deviceKeys().publicKey }));
  const issue = (deviceId: string, userId = ANNA) => new IssueContentKeyHandler(fixture.devices, fixture.vault, fixture.clock.read).execute(new IssueContentKeyCommand(userId, deviceId));
  const revoke = (deviceId: string, userId = ANNA) => new RevokeDeviceHandler(fixture.devices, fixture.students, fixture.clock.read).execute(new RevokeDeviceCommand(userId, deviceId));

  beforeEach(() => {
    fixture = listeningFixture();
  });

  it('destroys the sealed key and keeps the record, so later requests are told the device was revoked', async () => {
    const device = await register();
    const other = await register();
    await revoke(device.deviceId);
    expect(fixture.students.devices.get(device.deviceId)).toMatchObject({ revokedAt: fixture.clock.now, contentKey: null });
    expect(await refusalOf(issue(device.deviceId))).toMatchObject({ code: 'DEVICE_REVOKED' });
    expect(await refusalOf(revoke(device.deviceId))).toMatchObject({ code: 'DEVICE_REVOKED' });
    // The student's other device keeps its key.
    expect(await issue(other.deviceId)).toMatchObject({ deviceId: other.deviceId });
  });

  it("leaves another student's device alone, as an unknown one", async () => {
    const device = await register(ANNA);
    expect(await refusalOf(revoke(device.deviceId, BORIS))).toMatchObject({ code: 'DEVICE_NOT_FOUND' });
    expect(fixture.students.devices.get(device.deviceId)?.revokedAt).toBeNull();
  });
});
