import { Command } from '@nestjs/cqrs';
import type { Device, RegisterDeviceBody } from '@tall/listening/contracts';

/** A desktop client registers its RSA public key, to get a content key for its offline videos. */
export class RegisterDeviceCommand extends Command<Device> {
  constructor(
    readonly userId: string,
    readonly body: RegisterDeviceBody,
  ) {
    super();
  }
}
