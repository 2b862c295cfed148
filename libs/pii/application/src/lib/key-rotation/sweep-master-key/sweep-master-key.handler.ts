import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../../ports/clock.port';
import { KEY_ROTATION_STORE, type KeyRotationStore } from '../../ports/key-rotation-store.port';
import { MASTER_KEYS, type MasterKeys } from '../../ports/master-keys.port';
import { MasterKeyRotation, type RotationResult } from '../master-key-rotation';
import { SweepMasterKeyCommand } from './sweep-master-key.command';

export const ROTATION_PERIOD_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

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
      const info = (await this.store.versions()).find((version) => version.versionId === current.versionId);
      const age = info ? this.clock.now().getTime() - info.createdAt.getTime() : 0;
      if (age >= ROTATION_PERIOD_DAYS * DAY_MS) return this.rotation.rotate();
      return this.rotation.finish(current, []);
    });
    return outcome.ran ? outcome.result : undefined;
  }
}
