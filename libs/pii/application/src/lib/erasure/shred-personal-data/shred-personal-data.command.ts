import { Command } from '@nestjs/cqrs';
import type { ErasureReason } from '../../ports/personal-data-repository.port';

/**
 * Crypto-shreds a user's personal data: the data key and every ciphertext go, a tombstone (id,
 * time, reason — nothing personal) stays so later requests answer `PII_ERASED`. The account
 * itself is profile's: it decides erasure and publishes `user.deleted`. True when this erased,
 * false when the user was erased already.
 */
export class ShredPersonalDataCommand extends Command<boolean> {
  constructor(
    readonly userId: string,
    readonly reason: ErasureReason,
  ) {
    super();
  }
}
