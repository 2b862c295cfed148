import type { Device } from '@tall/listening/contracts';
import type { DeviceRecord } from '../ports/student-listening-store.port';

export function deviceOf(device: DeviceRecord): Device {
  return { deviceId: device.deviceId, name: device.name, keyThumbprint: device.keyThumbprint, registeredAt: device.registeredAt.toISOString() };
}
