import { Command } from '@nestjs/cqrs';
import type { ProgressFact } from '@tall/progress/domain';
import type { AppliedEvent } from '../../ports/progress-projection.port';

/** Applies what one delivered event means to the read model, once per (event, handler). True when applied now, false when applied before. */
export class RecordProgressFactCommand extends Command<boolean> {
  constructor(
    readonly event: AppliedEvent,
    readonly fact: ProgressFact,
  ) {
    super();
  }
}
