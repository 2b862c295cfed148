import { randomUUID } from 'node:crypto';
import type { Principal } from '@tall/platform/auth';
import { LearningCardReviewed, MAX_BATCH_REVIEWS, ThematicCardReviewed } from '@tall/vocabulary/contracts';
import { seedWordId } from '@tall/vocabulary/domain';
import { startVocabularyApp, student, type VocabularyTestApp } from '../../test-support/vocabulary-test-app';
import { THEMATIC_CARDS } from '../persistence/collections';

const DAY = 24 * 60 * 60 * 1000;
const tafel = seedWordId('kitchen', 'tafel', 'noun');
const mes = seedWordId('kitchen', 'mes', 'noun');
const eten = seedWordId('kitchen', 'eten', 'verb');

describe('offline batch sync of reviews (Nest app on MongoDB)', () => {
  let vocab: VocabularyTestApp;

  beforeAll(async () => {
    vocab = await startVocabularyApp();
  });

  afterAll(async () => {
    await vocab?.close();
  });

  const thematic = (wordId: string, mode: string, answer: unknown, answeredAt: Date) => ({
    kind: 'thematic',
    reviewId: randomUUID(),
    wordId,
    mode,
    answer,
    answeredAt: answeredAt.toISOString(),
    durationMs: 2000,
  });
  const learning = (userWordId: string, rating: string, answeredAt: Date) => ({
    kind: 'learning',
    reviewId: randomUUID(),
    userWordId,
    rating,
    answeredAt: answeredAt.toISOString(),
    durationMs: 2000,
  });
  const sync = (who: Principal, reviews: unknown[]) => vocab.request('POST', '/reviews/batch', who, { reviews });
  const card = (who: Principal, wordId: string) => vocab.db.collection(THEMATIC_CARDS).findOne({ _id: `${who.userId}:${wordId}` as never });
  const ownWord = async (who: Principal, lemma: string) => {
    const added = await vocab.request('POST', '/my-words', who, { lemma, translation: `${lemma} (en)` });
    expect(added.status).toBe(201);
    return added.body.id as string;
  };

  it('applies reviews in answeredAt order, whatever order they were sent in', async () => {
    const me = student();
    const now = vocab.clock.now.getTime();
    // Answered offline over three days, sent on the third, newest first.
    const day0 = thematic(tafel, 'recall', 'tafel', new Date(now - 2 * DAY));
    const day1 = thematic(tafel, 'recall', 'de tafel', new Date(now - DAY));
    const day2 = thematic(tafel, 'article', 'het', new Date(now));
    const answer = await sync(me, [day2, day0, day1]);
    expect(answer.status).toBe(200);
    expect(answer.body.results.map((result: { reviewId: string }) => result.reviewId)).toEqual([day2.reviewId, day0.reviewId, day1.reviewId]);
    expect(answer.body.results.map((result: { status: string; result: { box: number; correct: boolean } }) => [result.status, result.result.correct, result.result.box])).toEqual([
      ['applied', false, 1],
      ['applied', true, 2],
      ['applied', true, 3],
    ]);
    expect(await card(me, tafel)).toMatchObject({ box: 1, reviews: 3, correctReviews: 2, lastAnsweredAt: new Date(now) });
  });

  it('changes nothing when the same batch is replayed', async () => {
    const me = student();
    const wordId = await ownWord(me, 'fiets');
    const at = vocab.clock.now.getTime();
    const batch = [thematic(mes, 'article', 'het', new Date(at - 60_000)), learning(wordId, 'good', new Date(at - 30_000)), thematic(eten, 'recall', 'eten', new Date(at))];
    const first = await sync(me, batch);
    expect(first.body.results.map((result: { kind: string; status: string }) => `${result.kind}:${result.status}`)).toEqual([
      'thematic:applied',
      'learning:applied',
      'thematic:applied',
    ]);
    expect(first.body.results[1].result).toMatchObject({ userWordId: wordId, rating: 'good', duplicate: false });
    const before = await vocab.db.collection(THEMATIC_CARDS).find({ userId: me.userId }).sort({ _id: 1 }).toArray();
    await waitFor(() => vocab.events.of(ThematicCardReviewed.type, me.userId).length === 2 && vocab.events.of(LearningCardReviewed.type, me.userId).length === 1);

    const replay = await sync(me, batch);
    expect(replay.status).toBe(200);
    expect(replay.body.results.map((result: { status: string }) => result.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    replay.body.results.forEach((result: { result: Record<string, unknown> }, index: number) =>
      expect(result.result).toEqual({ ...first.body.results[index].result, duplicate: true }),
    );
    const after = await vocab.db.collection(THEMATIC_CARDS).find({ userId: me.userId }).sort({ _id: 1 }).toArray();
    const stable = (documents: typeof before) => documents.map(({ updatedAt: _updatedAt, _outbox: _o, _outboxPending: _p, _outboxSeq: _s, ...rest }) => rest);
    expect(stable(after)).toEqual(stable(before));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(vocab.events.of(ThematicCardReviewed.type, me.userId)).toHaveLength(2);
    expect(vocab.events.of(LearningCardReviewed.type, me.userId)).toHaveLength(1);
  });

  it('refuses bad items one by one and applies the rest', async () => {
    const me = student();
    const someoneElse = student();
    const theirs = await ownWord(someoneElse, 'appel');
    const at = vocab.clock.now;
    const good = thematic(tafel, 'recall', 'tafel', at);
    const unknownWord = thematic('w_missing', 'recall', 'x', at);
    const verbArticle = thematic(eten, 'article', 'de', at);
    const future = thematic(mes, 'recall', 'mes', new Date(at.getTime() + 10 * 60_000));
    const notMine = learning(theirs, 'good', at);
    const repeated = { ...good };
    const answer = await sync(me, [good, unknownWord, verbArticle, future, notMine, repeated]);
    expect(answer.status).toBe(200);
    const summary = answer.body.results.map((result: { status: string; error?: { statusCode: number; code: string } }) => [result.status, result.error?.statusCode, result.error?.code]);
    expect(summary).toEqual([
      ['applied', undefined, undefined],
      ['rejected', 404, 'WORD_NOT_FOUND'],
      ['rejected', 422, 'MODE_NOT_APPLICABLE'],
      ['rejected', 422, 'ANSWERED_AT_IN_FUTURE'],
      ['rejected', 404, expect.any(String)],
      ['duplicate', undefined, undefined],
    ]);
    expect(await card(me, tafel)).toMatchObject({ reviews: 1 });
    expect(await card(me, mes)).toBeNull();
  });

  it('refuses a batch over the limit with 413, and malformed batches with 400, applying nothing', async () => {
    const me = student();
    const at = vocab.clock.now;
    const tooMany = Array.from({ length: MAX_BATCH_REVIEWS + 1 }, () => thematic(tafel, 'recall', 'tafel', at));
    const large = await sync(me, tooMany);
    expect(large).toMatchObject({ status: 413, body: { code: 'BATCH_TOO_LARGE', details: { maxReviews: MAX_BATCH_REVIEWS, reviews: MAX_BATCH_REVIEWS + 1 } } });
    expect((await sync(me, [])).status).toBe(400);
    const malformed = await sync(me, [thematic(tafel, 'recall', 'tafel', at), { ...thematic(mes, 'recall', 'mes', at), kind: 'other' }]);
    expect(malformed).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(await card(me, tafel)).toBeNull();
    expect((await vocab.request('POST', '/reviews/batch', { ...me, role: 'TEACHER' }, { reviews: [thematic(tafel, 'recall', 'tafel', at)] })).status).toBe(403);
  });

  it('takes a full batch of 500 reviews', async () => {
    const me = student();
    const start = vocab.clock.now.getTime() - 500_000;
    const words = [tafel, mes, eten];
    const reviews = Array.from({ length: MAX_BATCH_REVIEWS }, (_, index) => thematic(words[index % 3], 'recognition', index % 4 === 0 ? 'wrong' : 'x', new Date(start + index * 1000)));
    const started = Date.now();
    const answer = await sync(me, reviews);
    const elapsed = Date.now() - started;
    expect(answer.status).toBe(200);
    expect(answer.body.results.every((result: { status: string }) => result.status === 'applied')).toBe(true);
    expect((await card(me, tafel))?.['reviews']).toBe(167);
    // Reported in the test output: the time a full offline sync takes on this stack.
    process.stdout.write(`batch of ${MAX_BATCH_REVIEWS} thematic reviews applied in ${elapsed} ms\n`);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the expected events did not arrive');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
