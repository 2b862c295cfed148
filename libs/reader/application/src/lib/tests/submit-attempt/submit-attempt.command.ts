import { Command } from '@nestjs/cqrs';
import type { AttemptBody, AttemptResult } from '@tall/reader/contracts';

/** The student hands in a test; the server grades it, keeps the attempt and publishes `test.completed`. */
export class SubmitAttemptCommand extends Command<AttemptResult> {
  constructor(
    readonly userId: string,
    readonly textId: string,
    readonly body: AttemptBody,
  ) {
    super();
  }
}
