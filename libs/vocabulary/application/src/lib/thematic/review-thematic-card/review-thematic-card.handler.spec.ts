import type { ThematicReviewBody } from '@tall/vocabulary/contracts';
import { vocabularyErrors } from '@tall/vocabulary/domain';
import type { ThematicReviewOutcome, ThematicReviews } from '../thematic-reviews';
import { ReviewThematicCardCommand } from './review-thematic-card.command';
import { ReviewThematicCardHandler } from './review-thematic-card.handler';

const body: ThematicReviewBody = {
  reviewId: '0b9a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d',
  wordId: 'w-tafel',
  mode: 'recall',
  answer: 'tafel',
  answeredAt: '2026-03-02T09:00:00.000Z',
  durationMs: 1500,
};

function handlerAnswering(outcome: ThematicReviewOutcome) {
  const calls: Array<{ userId: string; items: readonly ThematicReviewBody[]; lang: string }> = [];
  const reviews = {
    apply: async (userId: string, items: readonly ThematicReviewBody[], lang: string) => {
      calls.push({ userId, items, lang });
      return [outcome];
    },
  } as unknown as ThematicReviews;
  return { handler: new ReviewThematicCardHandler(reviews), calls };
}

describe('ReviewThematicCardHandler', () => {
  it('applies the answer as a batch of one, in the language asked for (English by default)', async () => {
    const result = { correct: true, expected: 'tafel', box: 2, dueAt: '2026-03-03T09:00:00.000Z', duplicate: false };
    const { handler, calls } = handlerAnswering({ status: 'applied', result });
    expect(await handler.execute(new ReviewThematicCardCommand('u1', body, 'uk'))).toBe(result);
    await handler.execute(new ReviewThematicCardCommand('u1', body, undefined));
    expect(calls).toEqual([
      { userId: 'u1', items: [body], lang: 'uk' },
      { userId: 'u1', items: [body], lang: 'en' },
    ]);
  });

  it('throws the refusal of the answer', async () => {
    const refusal = vocabularyErrors.modeNotApplicable('de/het needs a noun', { wordId: 'w-eten', mode: 'article', applicableModes: ['recognition', 'recall'] });
    const { handler } = handlerAnswering({ status: 'rejected', error: refusal });
    await expect(handler.execute(new ReviewThematicCardCommand('u1', body))).rejects.toBe(refusal);
  });
});
