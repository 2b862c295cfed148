import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Device } from '@tall/listening/contracts';
import { deviceKeyObject, DeviceKeyRejectedError, generateContentKey, jwkThumbprint } from '@tall/listening/domain';
import { ListeningError } from '../../listening-error';
import { CONTENT_KEY_VAULT, type ContentKeyVault } from '../../ports/content-key-vault.port';
import { LISTENING_CLOCK, type ListeningClock } from '../../ports/listening-settings.port';
import { STUDENT_LISTENING_STORE, type DeviceRecord, type StudentListeningStore } from '../../ports/student-listening-store.port';
import { RegisterDeviceCommand } from './register-device.command';
import { deviceOf } from '../device-views';

/** Devices a student may have registered and not revoked at once. */
export const MAX_ACTIVE_DEVICES = 10;

/**
 * Checks the key (RSA, 2048–4096 bits), makes the device's content key (256 random bits) and
 * keeps it sealed under the vault's key: the plain key exists only in memory, and leaves the API
 * only wrapped for the device.
 */
@CommandHandler(RegisterDeviceCommand)
export class RegisterDeviceHandler implements ICommandHandler<RegisterDeviceCommand> {
  constructor(
    @Inject(STUDENT_LISTENING_STORE) private readonly students: StudentListeningStore,
    @Inject(CONTENT_KEY_VAULT) private readonly vault: ContentKeyVault,
    @Inject(LISTENING_CLOCK) private readonly clock: ListeningClock,
  ) {}

  async execute({ userId, body }: RegisterDeviceCommand): Promise<Device> {
    try {
      deviceKeyObject(body.publicKey);
    } catch (error) {
      if (error instanceof DeviceKeyRejectedError) throw new ListeningError('DEVICE_KEY_REJECTED', error.message);
      throw error;
    }
    const active = (await this.students.devicesOf(userId)).filter((device) => !device.revokedAt);
    if (active.length >= MAX_ACTIVE_DEVICES) {
      throw new ListeningError('TOO_MANY_DEVICES', `At most ${MAX_ACTIVE_DEVICES} devices keep videos offline; revoke one first`);
    }
    const deviceId = randomUUID();
    const contentKey = generateContentKey();
    try {
      const device: DeviceRecord = {
        deviceId,
        userId,
        name: body.name ?? null,
        publicKey: body.publicKey,
        keyThumbprint: jwkThumbprint(body.publicKey),
        keyId: randomUUID(),
        contentKey: await this.vault.seal(contentKey, { userId, deviceId }),
        registeredAt: this.clock(),
        revokedAt: null,
      };
      await this.students.addDevice(device);
      return deviceOf(device);
    } finally {
      contentKey.fill(0);
    }
  }
}
