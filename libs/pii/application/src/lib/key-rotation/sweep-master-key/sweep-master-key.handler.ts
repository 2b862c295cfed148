import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ROTATION_PERIOD_DAYS, scheduledRotationDue } from '@tall/pii/domain';
import { CLOCK, type Clock } from '../../ports/clock.port';
import { KEY_ROTATION_STORE, type KeyRotationStore } from '../../ports/key-rotation-store.port';
import { MASTER_KEYS, type MasterKeys } from '../../ports/master-keys.port';
import { MasterKeyRotation, type RotationResult } from '../master-key-rotation';
import { SweepMasterKeyCommand } from './sweep-master-key.command';

/** Who the scheduled rotation is recorded as. */
export const SCHEDULER_ACTOR = { rotatedBy: 'system:scheduler', rotatedByRole: 'SYSTEM' } as const;

@CommandHandler(SweepMasterKeyCommand)
export class SweepMasterKeyHandler implements ICommandHandler<SweepMasterKeyCommand> {
  constructor(
    @Inject(MASTER_KEYS) private readonly keys: MasterKeys,
    @Inject(KEY_ROTATION_STORE) private readonly store: KeyRotationStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly rotation: MasterKeyRotation,
  ) {}

  async execute(_command: SweepMasterKeyCommand): Promise<RotationResult | undefined> {
    const outcome = await this.store.withRotationLock(async () => {
      const current = await this.keys.current();
      // Decided from what every instance recorded, under the lock, not from this instance's
      // cached current version alone: at most one scheduled rotation per interval.
      const created = (await this.store.versions()).find((version) => version.versionId === current.versionId)?.createdAt;
      const lastRotation = (await this.store.lastRotation())?.rotatedAt;
      const since = [created, lastRotation].filter((date): date is Date => date !== undefined).sort((a, b) => b.getTime() - a.getTime())[0];
      if (scheduledRotationDue(since, this.clock.now())) {
        return this.rotation.rotate({ ...SCHEDULER_ACTOR, trigger: 'scheduled', reason: `scheduled: the key material was ${ROTATION_PERIOD_DAYS} days old`, forced: false });
      }
      return this.rotation.finish(current, []);
    });
    return outcome.ran ? outcome.result : undefined;
  }
}
