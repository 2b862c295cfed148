import { Command } from '@nestjs/cqrs';

export interface RotationRequest {
  trigger: string;
  correlationId: string;
  causationId: string | null;
}

/** Records an ISO week's rotation (once, whatever the deliveries) and starts it in the background. */
export class RequestWeekRotationCommand extends Command<void> {
  constructor(
    readonly week: string,
    readonly request: RotationRequest,
  ) {
    super();
  }
}
