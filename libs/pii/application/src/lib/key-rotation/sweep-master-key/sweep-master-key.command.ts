import { Command } from '@nestjs/cqrs';
import type { RotationResult } from '../master-key-rotation';

/**
 * The daily job: rotates when the current master key version is 90 days old, and otherwise
 * finishes any re-wrap left over (an interrupted rotation, data keys written under a version
 * another instance still held as current). Undefined when another instance holds the lock.
 */
export class SweepMasterKeyCommand extends Command<RotationResult | undefined> {}
