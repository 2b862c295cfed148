import type { CommandBus } from '@nestjs/cqrs';
import { MAX_BATCH_REVIEWS, type LearningReviewResult, type ReviewBatchItem, type ThematicReviewBody } from '@tall/vocabulary/contracts';
import { vocabularyErrors, VocabularyError } from '@tall/vocabulary/domain';
import { ReviewLearningCardCommand } from '../../learning/review-learning-card/review-learning-card.command';
import type { ThematicReviewOutcome, ThematicReviews } from '../../thematic/thematic-reviews';
import { SyncReviewBatchCommand } from './sync-review-batch.command';
import { SyncReviewBatchHandler } from './sync-review-batch.handler';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 9, minute)).toISOString();
const thematic = (reviewId: string, minute: number): ReviewBatchItem => ({
  kind: 'thematic',
  reviewId,
  wordId: `w-${reviewId}`,
  mode: 'recall',
  answer: 'tafel',
  answeredAt: at(minute),
  durationMs: 1000,
});
const learning = (reviewId: string, minute: number): ReviewBatchItem => ({
  kind: 'learning',
  reviewId,
  userWordId: `card-${reviewId}`,
  rating: 'good',
  answeredAt: at(minute),
  durationMs: 1000,
});
const learned = (userWordId: string, duplicate = false): LearningReviewResult => ({
  userWordId,
  rating: 'good',
  state: 'learning',
  dueAt: at(30),
  stability: 1,
  difficulty: 5,
  duplicate,
});

function handlerWith(thematicOutcome: (item: ThematicReviewBody) => ThematicReviewOutcome, learningAnswer: (command: ReviewLearningCardCommand) => Promise<LearningReviewResult>) {
  const applied: ThematicReviewBody[][] = [];
  const reviewed: string[] = [];
  const reviews = {
    apply: async (_userId: string, items: readonly ThematicReviewBody[]) => {
      applied.push([...items]);
      return items.map(thematicOutcome);
    },
  } as unknown as ThematicReviews;
  const commands = {
    execute: async (command: ReviewLearningCardCommand) => {
      reviewed.push(command.review.reviewId);
      return learningAnswer(command);
    },
  } as unknown as CommandBus;
  return { handler: new SyncReviewBatchHandler(reviews, commands), applied, reviewed };
}

const appliedThematic = (item: ThematicReviewBody): ThematicReviewOutcome => ({
  status: 'applied',
  result: { correct: item.answer === 'tafel', expected: 'tafel', box: 2, dueAt: at(60), duplicate: false },
});

describe('SyncReviewBatchHandler', () => {
  it('refuses a batch over the limit before applying anything', async () => {
    const { handler, applied } = handlerWith(appliedThematic, async (command) => learned(command.review.userWordId));
    const reviews = Array.from({ length: MAX_BATCH_REVIEWS + 1 }, (_, index) => thematic(`r${index}`, 0));
    const refusal = await handler.execute(new SyncReviewBatchCommand('u1', { reviews })).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(VocabularyError);
    expect(refusal).toMatchObject({ code: 'BATCH_TOO_LARGE', details: { maxReviews: MAX_BATCH_REVIEWS, reviews: MAX_BATCH_REVIEWS + 1 } });
    expect(applied).toEqual([]);
  });

  it('applies items in answeredAt order and answers them in the request order, without the kind in the single reviews', async () => {
    const { handler, applied, reviewed } = handlerWith(appliedThematic, async (command) => learned(command.review.userWordId));
    const { results } = await handler.execute(new SyncReviewBatchCommand('u1', { reviews: [thematic('t2', 5), learning('l2', 4), thematic('t1', 1), learning('l1', 2)] }));
    expect(applied).toEqual([[expect.objectContaining({ reviewId: 't1' }), expect.objectContaining({ reviewId: 't2' })]]);
    expect(applied[0][0]).not.toHaveProperty('kind');
    expect(reviewed).toEqual(['l1', 'l2']);
    expect(results.map((result) => [result.reviewId, result.kind, result.status])).toEqual([
      ['t2', 'thematic', 'applied'],
      ['l2', 'learning', 'applied'],
      ['t1', 'thematic', 'applied'],
      ['l1', 'learning', 'applied'],
    ]);
  });

  it('refuses bad items one by one with their refusal, and reports learning duplicates', async () => {
    const missing = vocabularyErrors.wordNotFound();
    const notMine = vocabularyErrors.learningWordNotFound();
    const { handler } = handlerWith(
      (item) => (item.reviewId === 'bad' ? { status: 'rejected', error: missing } : appliedThematic(item)),
      async (command) => {
        if (command.review.reviewId === 'theirs') throw notMine;
        return learned(command.review.userWordId, true);
      },
    );
    const { results } = await handler.execute(new SyncReviewBatchCommand('u1', { reviews: [thematic('bad', 1), learning('theirs', 2), learning('again', 3)] }));
    expect(results).toEqual([
      { reviewId: 'bad', kind: 'thematic', status: 'rejected', error: missing },
      { reviewId: 'theirs', kind: 'learning', status: 'rejected', error: notMine },
      { reviewId: 'again', kind: 'learning', status: 'duplicate', result: learned('card-again', true) },
    ]);
  });

  it('fails the whole batch when a learning review fails for a reason that is not the item’s, so the device sends it again', async () => {
    for (const failure of [new Error('mongodb is down'), vocabularyErrors.dictionaryUnavailable()]) {
      const { handler } = handlerWith(appliedThematic, async () => {
        throw failure;
      });
      await expect(handler.execute(new SyncReviewBatchCommand('u1', { reviews: [learning('l1', 1)] }))).rejects.toBe(failure);
    }
  });
});
