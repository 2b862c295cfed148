import { Command } from '@nestjs/cqrs';

/** The student withdraws a device: its content key is destroyed, and the device gets no key again. */
export class RevokeDeviceCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly deviceId: string,
  ) {
    super();
  }
}
