import { Command } from '@nestjs/cqrs';

export type EmailIndexOutcome = 'updated' | 'unchanged' | 'alreadyApplied' | 'unknownUser' | 'indexTaken';

/**
 * pii changed a user's email and published its new blind index (never the email): sign-in
 * lookups follow. Applied once per event and inbox handler (`eventId`, `handler`).
 */
export class UpdateEmailIndexCommand extends Command<EmailIndexOutcome> {
  constructor(
    readonly eventId: string,
    readonly handler: string,
    readonly userId: string,
    readonly emailIndex: string,
  ) {
    super();
  }
}
