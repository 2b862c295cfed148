import { Command } from '@nestjs/cqrs';
import type { ContentKey } from '@tall/listening/contracts';

/** The device's content key, wrapped with its public key. */
export class IssueContentKeyCommand extends Command<ContentKey> {
  constructor(
    readonly userId: string,
    readonly deviceId: string,
  ) {
    super();
  }
}
