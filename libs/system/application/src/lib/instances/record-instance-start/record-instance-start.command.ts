import { Command } from '@nestjs/cqrs';

/** An instance of Tall started and hosts these modules: recorded and announced (`system.started`). */
export class RecordInstanceStartCommand extends Command<void> {
  constructor(
    readonly instanceId: string,
    readonly modules: string[],
    readonly appVersion: string,
  ) {
    super();
  }
}
