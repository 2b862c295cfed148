import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createEvent } from '@tall/platform/event-contracts';
import { RequestContext } from '@tall/platform/observability';
import { ANSWERED_AT_MAX_SKEW_MS, LearningCardReviewed, type LearningReviewBody, type LearningReviewResult } from '@tall/vocabulary/contracts';
import { LearningScheduler, vocabularyErrors } from '@tall/vocabulary/domain';
import { KEPT_REVIEWS_PER_CARD, LEARNING_CLOCK, LEARNING_SETTINGS, type Clock, type LearningSettings } from '../learning-settings';
import { LEARNING_STORE, type LearningCardRecord, type LearningStore, type ReviewOutcome } from '../learning-store.port';
import { ReviewLearningCardCommand } from './review-learning-card.command';

const MAX_REVIEW_ATTEMPTS = 8;

/**
 * Rates a card (FSRS). Idempotent by reviewId: a repeat answers the stored result with
 * `duplicate: true`. A card whose cohort is not active this week is reviewed all the same (the
 * student chose to practise it). Two reviews of one card at once are both applied, one after
 * the other (version check and retry).
 */
@CommandHandler(ReviewLearningCardCommand)
export class ReviewLearningCardHandler implements ICommandHandler<ReviewLearningCardCommand> {
  private readonly scheduler: LearningScheduler;

  constructor(
    @Inject(LEARNING_STORE) private readonly store: LearningStore,
    @Inject(LEARNING_SETTINGS) settings: LearningSettings,
    @Inject(LEARNING_CLOCK) private readonly clock: Clock,
  ) {
    this.scheduler = new LearningScheduler({ desiredRetention: settings.desiredRetention });
  }

  async execute({ userId, review: body }: ReviewLearningCardCommand): Promise<LearningReviewResult> {
    const now = this.clock();
    const answeredAt = new Date(body.answeredAt);
    if (answeredAt.getTime() > now.getTime() + ANSWERED_AT_MAX_SKEW_MS) throw vocabularyErrors.learningAnsweredInFuture(ANSWERED_AT_MAX_SKEW_MS);

    // Claimed first, the log read only when the claim is refused (a repeat, or a request that died
    // half-way): a fresh review, nearly every one, costs no read of the log.
    let card = await this.store.findCard(userId, body.userWordId);
    if (!card) {
      const logged = await this.store.findReview(body.reviewId);
      if (logged && (logged.userId !== userId || logged.userWordId !== body.userWordId)) throw vocabularyErrors.reviewIdConflict();
      // A repeat of an applied review keeps its answer, even once the card is gone.
      if (logged?.applied && logged.outcome) return { ...logged.outcome, duplicate: true };
      throw vocabularyErrors.learningWordNotFound();
    }
    if (!(await this.store.claimReview({ reviewId: body.reviewId, userId, userWordId: card.id, claimedAt: now }))) {
      // A repeat, a concurrent request, or one that died half-way: answered from the log, or finished here.
      const claimed = await this.store.findReview(body.reviewId);
      if (!claimed || claimed.userId !== userId || claimed.userWordId !== body.userWordId) throw vocabularyErrors.reviewIdConflict();
      if (claimed.applied && claimed.outcome) return { ...claimed.outcome, duplicate: true };
    }

    for (let attempt = 1; attempt <= MAX_REVIEW_ATTEMPTS; attempt++) {
      if (!card) {
        await this.store.releaseReview(body.reviewId);
        throw vocabularyErrors.learningWordNotFound();
      }
      const applied = card.lastReviews.find((review) => review.reviewId === body.reviewId);
      if (applied) {
        await this.completeLog(body, card, applied.outcome, applied.stateBefore ?? card.memory.state, now);
        return { ...applied.outcome, duplicate: true };
      }
      const memory = this.scheduler.review(card.memory, body.rating, answeredAt);
      const outcome: ReviewOutcome = {
        userWordId: card.id,
        rating: body.rating,
        state: memory.state,
        dueAt: memory.due.toISOString(),
        stability: memory.stability,
        difficulty: memory.difficulty,
      };
      const event = createEvent(
        LearningCardReviewed,
        {
          userId,
          reviewId: body.reviewId,
          userWordId: card.id,
          cohortWeek: card.cohortWeek,
          rating: body.rating,
          state: memory.state,
          stability: memory.stability,
          difficulty: memory.difficulty,
          dueAt: outcome.dueAt,
          answeredAt: answeredAt.toISOString(),
          durationMs: body.durationMs,
        },
        { key: userId, correlationId: RequestContext.correlationId(), actorId: userId, occurredAt: now },
      );
      const lastReviews = [...card.lastReviews, { reviewId: body.reviewId, outcome, stateBefore: card.memory.state }].slice(-KEPT_REVIEWS_PER_CARD);
      if (await this.store.saveReview(card, { reviewId: body.reviewId, memory, lastReviews }, [event])) {
        await this.completeLog(body, card, outcome, card.memory.state, now);
        return { ...outcome, duplicate: false };
      }
      // Another review of this card won the race: read it again and schedule from its result.
      card = await this.store.findCard(userId, body.userWordId);
    }
    throw vocabularyErrors.learningCardBusy();
  }

  private async completeLog(body: LearningReviewBody, card: LearningCardRecord, outcome: ReviewOutcome, stateBefore: LearningCardRecord['memory']['state'], now: Date) {
    await this.store.completeReview(body.reviewId, {
      outcome,
      cohortWeek: card.cohortWeek,
      rating: body.rating,
      stateBefore,
      answeredAt: new Date(body.answeredAt),
      durationMs: body.durationMs,
      appliedAt: now,
    });
  }
}
