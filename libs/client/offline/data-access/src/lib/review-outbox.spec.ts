import type { ReviewBatchItem, ReviewBatchResult } from '@tall/client/api';
import { ApiProblem } from '@tall/client/api';
import { createOfflineStore } from './offline.store';
import { ReviewOutbox } from './review-outbox';

const learning = (n: number, at: string): ReviewBatchItem => ({
  kind: 'learning',
  reviewId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  userWordId: `w${n}`,
  rating: 'good',
  answeredAt: at,
  durationMs: 1200,
});

const applied = (reviews: ReviewBatchItem[]): ReviewBatchResult => ({
  results: reviews.map((review) => ({ reviewId: review.reviewId, kind: review.kind, status: 'applied' as const })),
});

describe('the offline review outbox', () => {
  let name = 0;
  const fresh = (send: (reviews: ReviewBatchItem[]) => Promise<ReviewBatchResult>) => new ReviewOutbox(send, `outbox-test-${++name}`);

  it('keeps reviews per user in IndexedDB and sends them in answer order', async () => {
    const sent: ReviewBatchItem[][] = [];
    const outbox = fresh(async (reviews) => {
      sent.push(reviews);
      return applied(reviews);
    });
    await outbox.add('ann', learning(2, '2026-11-22T10:02:00Z'));
    await outbox.add('ann', learning(1, '2026-11-22T10:01:00Z'));
    await outbox.add('bob', learning(3, '2026-11-22T10:00:00Z'));
    expect(await outbox.count('ann')).toBe(2);
    expect(await outbox.flush('ann')).toEqual({ sent: 2, rejected: 0 });
    expect(sent[0].map((review) => review.reviewId.slice(-1))).toEqual(['1', '2']);
    expect(await outbox.count('ann')).toBe(0);
    expect(await outbox.count('bob')).toBe(1);
  });

  it('keeps the queue when the API cannot be reached, and counts what it refused for good', async () => {
    let online = false;
    const outbox = fresh(async (reviews) => {
      if (!online) throw ApiProblem.network();
      return { results: reviews.map((review, index) => ({ reviewId: review.reviewId, kind: review.kind, status: index === 0 ? ('rejected' as const) : ('duplicate' as const) })) };
    });
    const store = createOfflineStore(outbox, () => 'ann');
    await store.getState().enqueue(learning(1, '2026-11-22T10:01:00Z'));
    await store.getState().enqueue(learning(2, '2026-11-22T10:02:00Z'));
    expect(store.getState().pending).toBe(2);
    await store.getState().sync();
    expect(store.getState()).toMatchObject({ pending: 2, syncing: false });
    online = true;
    await store.getState().sync();
    expect(store.getState()).toMatchObject({ pending: 0, lastRejected: 1 });
  });

  it('splits a long queue into batches the API accepts', async () => {
    const sizes: number[] = [];
    const outbox = fresh(async (reviews) => {
      sizes.push(reviews.length);
      return applied(reviews);
    });
    for (let n = 0; n < 501; n++) await outbox.add('ann', learning(n, new Date(Date.UTC(2026, 10, 22, 10, 0, n)).toISOString()));
    expect(await outbox.flush('ann')).toEqual({ sent: 501, rejected: 0 });
    expect(sizes).toEqual([500, 1]);
  });
});
