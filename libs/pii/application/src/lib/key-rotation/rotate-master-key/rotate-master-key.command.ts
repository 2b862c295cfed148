import { Command } from '@nestjs/cqrs';
import type { RotationResult } from '../master-key-rotation';

/**
 * `POST /pii/keys/rotate` (TECH_ADMIN): a new master key version now, for a stated reason.
 * Refused with `ROTATION_TOO_SOON` within an hour of the last rotation unless `force`, with
 * `KEY_ROTATION_IN_PROGRESS` while another runs. Audited either way it goes through.
 */
export class RotateMasterKeyCommand extends Command<RotationResult> {
  constructor(
    readonly actor: { userId: string; role: string },
    readonly reason: string,
    readonly force: boolean,
  ) {
    super();
  }
}
