import { Command } from '@nestjs/cqrs';

/** Completes reviews whose requests died after claiming them; the result is how many were completed. */
export class RecoverThematicReviewsCommand extends Command<number> {
  constructor(readonly limit = 500) {
    super();
  }
}
