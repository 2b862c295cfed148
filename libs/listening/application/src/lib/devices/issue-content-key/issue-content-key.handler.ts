import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ContentKey } from '@tall/listening/contracts';
import { wrapContentKey } from '@tall/listening/domain';
import { CONTENT_KEY_VAULT, type ContentKeyVault } from '../../ports/content-key-vault.port';
import { LISTENING_CLOCK, type ListeningClock } from '../../ports/listening-settings.port';
import { ActiveDevices } from '../active-devices';
import { IssueContentKeyCommand } from './issue-content-key.command';

/** The same key every time for the same device (its offline videos stay readable); a fresh RSA-OAEP wrapping each time. */
@CommandHandler(IssueContentKeyCommand)
export class IssueContentKeyHandler implements ICommandHandler<IssueContentKeyCommand> {
  constructor(
    @Inject(ActiveDevices) private readonly devices: ActiveDevices,
    @Inject(CONTENT_KEY_VAULT) private readonly vault: ContentKeyVault,
    @Inject(LISTENING_CLOCK) private readonly clock: ListeningClock,
  ) {}

  async execute({ userId, deviceId }: IssueContentKeyCommand): Promise<ContentKey> {
    const device = await this.devices.get(userId, deviceId);
    const contentKey = await this.vault.open(device.contentKey as NonNullable<typeof device.contentKey>, { userId, deviceId });
    try {
      return {
        deviceId,
        keyId: device.keyId,
        algorithm: 'RSA-OAEP-256',
        encryption: 'A256GCM',
        wrappedKey: wrapContentKey(device.publicKey, contentKey).toString('base64url'),
        issuedAt: this.clock().toISOString(),
      };
    } finally {
      contentKey.fill(0);
    }
  }
}
