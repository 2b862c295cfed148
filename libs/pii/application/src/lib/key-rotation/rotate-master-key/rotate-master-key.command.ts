import { Command } from '@nestjs/cqrs';
import type { RotationResult } from '../master-key-rotation';

/** `POST /pii/keys/rotate`: a new master key version now; `KEY_ROTATION_IN_PROGRESS` while another runs. */
export class RotateMasterKeyCommand extends Command<RotationResult> {}
