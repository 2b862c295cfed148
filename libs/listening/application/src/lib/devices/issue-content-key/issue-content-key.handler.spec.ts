import { deviceKeys, unwrapContentKey } from '../../../test-support/device-keys';
import { ANNA, BORIS, listeningFixture, refusalOf, type ListeningFixture } from '../../../test-support/listening-fixture';
import { RegisterDeviceCommand } from '../register-device/register-device.command';
import { RegisterDeviceHandler } from '../register-device/register-device.handler';
import { IssueContentKeyCommand } from './issue-content-key.command';
import { IssueContentKeyHandler } from './issue-content-key.handler';

describe('IssueContentKeyHandler', () => {
  let fixture: ListeningFixture;
  const laptop = deviceKeys();
  const register = (userId = ANNA, publicKey = laptop.publicKey) =>
    new RegisterDeviceHandler(fixture.students, fixture.vault, fixture.clock.read).execute(new RegisterDeviceCommand(userId, { publicKey }));
  const issue = (deviceId: string, userId = ANNA) => new IssueContentKeyHandler(fixture.devices, fixture.vault, fixture.clock.read).execute(new IssueContentKeyCommand(userId, deviceId));

  beforeEach(() => {
    fixture = listeningFixture();
  });

  it('hands out the 256-bit content key wrapped for the device, the same key every time', async () => {
    const device = await register();
    const first = await issue(device.deviceId);
    expect(first).toEqual({ deviceId: device.deviceId, keyId: expect.any(String), algorithm: 'RSA-OAEP-256', encryption: 'A256GCM', wrappedKey: expect.any(String), issuedAt: fixture.clock.now.toISOString() });
    const key = unwrapContentKey(laptop.privateKey, first.wrappedKey);
    expect(key).toHaveLength(32);
    const second = await issue(device.deviceId);
    // A fresh wrapping of the same key: the device's offline videos stay readable.
    expect(second.wrappedKey).not.toBe(first.wrappedKey);
    expect(unwrapContentKey(laptop.privateKey, second.wrappedKey).equals(key)).toBe(true);
    expect(second.keyId).toBe(first.keyId);
    // Never stored in the clear.
    const stored = JSON.stringify([...fixture.students.devices.values()]);
    for (const encoding of ['base64', 'base64url', 'hex'] as const) expect(stored).not.toContain(key.toString(encoding));
  });

  it('gives every device a key of its own', async () => {
    const phone = deviceKeys();
    const [a, b] = [await register(ANNA), await register(ANNA, phone.publicKey)];
    const keyA = unwrapContentKey(laptop.privateKey, (await issue(a.deviceId)).wrappedKey);
    const keyB = unwrapContentKey(phone.privateKey, (await issue(b.deviceId)).wrappedKey);
    expect(keyA.equals(keyB)).toBe(false);
  });

  it("treats another student's device as unknown, and an unknown one too", async () => {
    const device = await register(ANNA);
    expect(await refusalOf(issue(device.deviceId, BORIS))).toMatchObject({ code: 'DEVICE_NOT_FOUND' });
    expect(await refusalOf(issue('7d2e3f4a-5b6c-4d8f-9a3c-2e3f4a5b6c7d'))).toMatchObject({ code: 'DEVICE_NOT_FOUND' });
    expect(fixture.vault.opened).toBe(0);
  });
});
