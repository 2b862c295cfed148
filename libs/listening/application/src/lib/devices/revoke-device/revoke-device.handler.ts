import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { listeningErrors } from '../../listening-error';
import { LISTENING_CLOCK, type ListeningClock } from '../../ports/listening-settings.port';
import { STUDENT_LISTENING_STORE, type StudentListeningStore } from '../../ports/student-listening-store.port';
import { ActiveDevices } from '../active-devices';
import { RevokeDeviceCommand } from './revoke-device.command';

/** The record stays (so the device is told "revoked", not "unknown"); the sealed key goes. */
@CommandHandler(RevokeDeviceCommand)
export class RevokeDeviceHandler implements ICommandHandler<RevokeDeviceCommand> {
  constructor(
    @Inject(ActiveDevices) private readonly devices: ActiveDevices,
    @Inject(STUDENT_LISTENING_STORE) private readonly students: StudentListeningStore,
    @Inject(LISTENING_CLOCK) private readonly clock: ListeningClock,
  ) {}

  async execute({ userId, deviceId }: RevokeDeviceCommand): Promise<void> {
    await this.devices.get(userId, deviceId);
    // Revoked by a concurrent request in between: the same outcome, said the same way.
    if (!(await this.students.revokeDevice(userId, deviceId, this.clock()))) throw listeningErrors.deviceRevoked();
  }
}
