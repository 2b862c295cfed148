import { Command } from '@nestjs/cqrs';
import type { ThematicReviewBody, ThematicReviewResult } from '@tall/vocabulary/contracts';

/** A student's answer to a thematic card, checked by the server; idempotent by its review id. */
export class ReviewThematicCardCommand extends Command<ThematicReviewResult> {
  constructor(
    readonly userId: string,
    readonly review: ThematicReviewBody,
    /** The language of translations the answer is checked against. */
    readonly lang = 'en',
  ) {
    super();
  }
}
