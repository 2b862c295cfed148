import { randomUUID } from 'node:crypto';
import type { LearningReviewBody } from '@tall/vocabulary/contracts';
import { cohortCycle, LearningScheduler, lemmaKey, VocabularyError } from '@tall/vocabulary/domain';
import type { LearningSettings } from '../learning-settings';
import type { LearningCardRecord, LearningStore, ReviewRecord } from '../learning-store.port';
import { ReviewLearningCardCommand } from './review-learning-card.command';
import { ReviewLearningCardHandler } from './review-learning-card.handler';

const settings: LearningSettings = { desiredRetention: 0.9, cohortCycle: cohortCycle([1, 2, 4, 8]), timeZone: 'Europe/Amsterdam' };
const now = new Date('2026-11-25T10:00:00Z');
const [alice, bob] = [randomUUID(), randomUUID()];

function cardOf(userId: string): LearningCardRecord {
  return {
    id: randomUUID(),
    userId,
    lemma: 'huis',
    lemmaKey: lemmaKey('huis'),
    article: 'het',
    translation: 'house',
    note: null,
    context: null,
    source: 'own',
    wordId: null,
    savedId: null,
    textId: null,
    cohortWeek: '2026-W48',
    addedAt: now,
    memory: LearningScheduler.newCard(now),
    version: 0,
    lastReviews: [],
  };
}

/** Cards and the review log in memory; `interfering` writes stand for concurrent reviews of the card. */
class FakeStore {
  readonly cards = new Map<string, LearningCardRecord>();
  readonly log = new Map<string, ReviewRecord>();
  interfering = 0;

  asPort(): LearningStore {
    return {
      findCard: async (userId: string, id: string) => {
        const card = this.cards.get(id);
        return card && card.userId === userId ? card : null;
      },
      findReview: async (reviewId: string) => this.log.get(reviewId) ?? null,
      claimReview: async (claim: { reviewId: string; userId: string; userWordId: string; claimedAt: Date }) => {
        if (this.log.has(claim.reviewId)) return false;
        this.log.set(claim.reviewId, { ...claim, applied: false, outcome: null, cohortWeek: null, rating: null, stateBefore: null, answeredAt: null, durationMs: null });
        return true;
      },
      releaseReview: async (reviewId: string) => void this.log.delete(reviewId),
      saveReview: async (card: LearningCardRecord, review: Pick<LearningCardRecord, 'memory' | 'lastReviews'>) => {
        if (this.interfering > 0) {
          this.interfering -= 1;
          this.cards.set(card.id, { ...card, version: card.version + 1 });
          return false;
        }
        if (this.cards.get(card.id)?.version !== card.version) return false;
        this.cards.set(card.id, { ...card, memory: review.memory, lastReviews: review.lastReviews, version: card.version + 1 });
        return true;
      },
      completeReview: async (reviewId: string, completion: { outcome: ReviewRecord['outcome'] }) => {
        const entry = this.log.get(reviewId) as ReviewRecord;
        this.log.set(reviewId, { ...entry, applied: true, outcome: completion.outcome });
      },
    } as Partial<LearningStore> as LearningStore;
  }
}

function setUp() {
  const store = new FakeStore();
  const card = cardOf(alice);
  store.cards.set(card.id, card);
  const handler = new ReviewLearningCardHandler(store.asPort(), settings, () => now);
  const body = (overrides: Partial<LearningReviewBody> = {}): LearningReviewBody => ({
    reviewId: randomUUID(),
    userWordId: card.id,
    rating: 'good',
    answeredAt: now.toISOString(),
    durationMs: 900,
    ...overrides,
  });
  return { store, card, handler, body };
}

const refusalOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe('ReviewLearningCardHandler', () => {
  it('schedules the card and answers a repeat of the review with the stored result', async () => {
    const { store, card, handler, body } = setUp();
    const review = body();
    const first = await handler.execute(new ReviewLearningCardCommand(alice, review));
    expect(first).toMatchObject({ userWordId: card.id, rating: 'good', state: 'learning', duplicate: false });
    expect(store.cards.get(card.id)).toMatchObject({ version: 1, lastReviews: [expect.objectContaining({ reviewId: review.reviewId, stateBefore: 'new' })] });
    expect(await handler.execute(new ReviewLearningCardCommand(alice, review))).toEqual({ ...first, duplicate: true });
    expect(store.cards.get(card.id)?.version).toBe(1);
  });

  it('refuses an answer from beyond the allowed clock skew as a field error', async () => {
    const { handler, body } = setUp();
    const refusal = await refusalOf(handler.execute(new ReviewLearningCardCommand(alice, body({ answeredAt: new Date(now.getTime() + 6 * 60_000).toISOString() }))));
    expect(refusal).toBeInstanceOf(VocabularyError);
    expect(refusal).toMatchObject({ code: 'ANSWERED_AT_IN_FUTURE', details: { fields: [{ field: 'answeredAt', code: 'too_far_in_future' }] } });
  });

  it("treats another student's word like an unknown one, and a review id used elsewhere as a conflict", async () => {
    const { store, handler, body } = setUp();
    const review = body();
    expect(await refusalOf(handler.execute(new ReviewLearningCardCommand(bob, review)))).toMatchObject({ code: 'LEARNING_WORD_NOT_FOUND' });
    expect(store.log.size).toBe(0);
    await handler.execute(new ReviewLearningCardCommand(alice, review));
    const other = cardOf(alice);
    store.cards.set(other.id, other);
    expect(await refusalOf(handler.execute(new ReviewLearningCardCommand(alice, { ...review, userWordId: other.id })))).toMatchObject({ code: 'REVIEW_ID_CONFLICT' });
  });

  it('retries a lost race from the winner’s card, and gives up as busy after eight tries', async () => {
    const { store, handler, body } = setUp();
    store.interfering = 3;
    expect(await handler.execute(new ReviewLearningCardCommand(alice, body()))).toMatchObject({ duplicate: false });
    store.interfering = 8;
    expect(await refusalOf(handler.execute(new ReviewLearningCardCommand(alice, body())))).toMatchObject({ code: 'LEARNING_CARD_BUSY' });
  });
});
