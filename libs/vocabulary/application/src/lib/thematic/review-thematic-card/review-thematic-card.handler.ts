import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ThematicReviewResult } from '@tall/vocabulary/contracts';
import { ThematicReviews } from '../thematic-reviews';
import { ReviewThematicCardCommand } from './review-thematic-card.command';

@CommandHandler(ReviewThematicCardCommand)
export class ReviewThematicCardHandler implements ICommandHandler<ReviewThematicCardCommand> {
  constructor(@Inject(ThematicReviews) private readonly reviews: ThematicReviews) {}

  async execute({ userId, review, lang }: ReviewThematicCardCommand): Promise<ThematicReviewResult> {
    const [outcome] = await this.reviews.apply(userId, [review], lang);
    if (outcome.status === 'rejected') throw outcome.error;
    return outcome.result;
  }
}
