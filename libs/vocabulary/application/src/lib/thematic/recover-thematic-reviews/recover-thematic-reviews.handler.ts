import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ThematicReviews } from '../thematic-reviews';
import { RecoverThematicReviewsCommand } from './recover-thematic-reviews.command';

@CommandHandler(RecoverThematicReviewsCommand)
export class RecoverThematicReviewsHandler implements ICommandHandler<RecoverThematicReviewsCommand> {
  constructor(@Inject(ThematicReviews) private readonly reviews: ThematicReviews) {}

  execute({ limit }: RecoverThematicReviewsCommand): Promise<number> {
    return this.reviews.recover(limit);
  }
}
