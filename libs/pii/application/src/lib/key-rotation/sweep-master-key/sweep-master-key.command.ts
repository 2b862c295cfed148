import { Command } from '@nestjs/cqrs';
import type { RotationResult } from '../master-key-rotation';

/**
 * The daily job: rotates when the newest key material (the current version, or the last
 * recorded rotation by any instance) is 90 days old — so at most once per interval — and otherwise
 * finishes any re-wrap left over (an interrupted rotation, data keys written under a version
 * another instance still held as current). Undefined when another instance holds the lock.
 */
export class SweepMasterKeyCommand extends Command<RotationResult | undefined> {}
