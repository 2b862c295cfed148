import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideManualRotation, PiiError } from '@tall/pii/domain';
import { CLOCK, type Clock } from '../../ports/clock.port';
import { KEY_ROTATION_STORE, type KeyRotationStore } from '../../ports/key-rotation-store.port';
import { MasterKeyRotation, type RotationResult } from '../master-key-rotation';
import { RotateMasterKeyCommand } from './rotate-master-key.command';

/**
 * One rotation at a time, across instances (the store's lock). The wait after the last rotation
 * is checked under that lock, so two requests at once cannot both pass it.
 */
@CommandHandler(RotateMasterKeyCommand)
export class RotateMasterKeyHandler implements ICommandHandler<RotateMasterKeyCommand> {
  constructor(
    @Inject(KEY_ROTATION_STORE) private readonly store: KeyRotationStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly rotation: MasterKeyRotation,
  ) {}

  async execute({ actor, reason, force }: RotateMasterKeyCommand): Promise<RotationResult> {
    const outcome = await this.store.withRotationLock(async () => {
      const last = await this.store.lastRotation();
      const now = this.clock.now();
      const decision = decideManualRotation(last?.rotatedAt, now, force);
      if (!decision.allowed) {
        throw new PiiError('ROTATION_TOO_SOON', {
          lastRotationAt: last?.rotatedAt.toISOString(),
          nextAllowedAt: decision.nextAllowedAt.toISOString(),
          retryAfterSeconds: Math.max(1, Math.ceil((decision.nextAllowedAt.getTime() - now.getTime()) / 1000)),
        });
      }
      return this.rotation.rotate({ rotatedBy: actor.userId, rotatedByRole: actor.role, trigger: 'manual', reason, forced: force });
    });
    if (!outcome.ran) throw new PiiError('KEY_ROTATION_IN_PROGRESS');
    return outcome.result;
  }
}
