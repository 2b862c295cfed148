import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PiiError } from '@tall/pii/domain';
import { KEY_ROTATION_STORE, type KeyRotationStore } from '../../ports/key-rotation-store.port';
import { MasterKeyRotation, type RotationResult } from '../master-key-rotation';
import { RotateMasterKeyCommand } from './rotate-master-key.command';

/** One rotation at a time, across instances (the store's lock). */
@CommandHandler(RotateMasterKeyCommand)
export class RotateMasterKeyHandler implements ICommandHandler<RotateMasterKeyCommand> {
  constructor(
    @Inject(KEY_ROTATION_STORE) private readonly store: KeyRotationStore,
    private readonly rotation: MasterKeyRotation,
  ) {}

  async execute(_command: RotateMasterKeyCommand): Promise<RotationResult> {
    const outcome = await this.store.withRotationLock(() => this.rotation.rotate());
    if (!outcome.ran) throw new PiiError('KEY_ROTATION_IN_PROGRESS');
    return outcome.result;
  }
}
