import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor, workspaceRoot } from '@tall/platform/testing';
import { VocabularyTopics } from '@tall/vocabulary/contracts';
import { IdentityApi } from '../identity/support/identity-api';
import { probeTopic } from '../support/kafka-probe';
import { isolatedStores, startTall, type TallProcess } from '../support/tall-process';

/** Issue "Vocabulary", black-box: the seed dictionary at first start, a thematic session, reviews, events on Kafka, offline sync. */
const SEED = join(workspaceRoot, 'libs/vocabulary/infrastructure/src/assets/seed/topics');

describe('thematic cards, black-box', () => {
  let tall: TallProcess;
  let stores: Awaited<ReturnType<typeof isolatedStores>>;
  let api: IdentityApi;
  let token: string;
  let userId: string;

  const ready = () => waitFor(async () => (await fetch(`${tall.url}/health/ready`)).ok, { timeoutMs: 60_000, what: 'Tall to be ready' });

  beforeAll(async () => {
    stores = await isolatedStores('vocabulary_thematic');
    tall = await startTall({ DATABASE_URL: stores.DATABASE_URL, MONGODB_URI: stores.MONGODB_URI, CRON_ENABLED: 'false' });
    api = new IdentityApi(tall.url);
    await ready();
    const registered = await api.register();
    expect(registered.status).toBe(201);
    token = registered.body.accessToken;
    userId = registered.body.user.id;
  });

  afterAll(async () => {
    await tall?.stop();
    await stores?.drop();
  });

  const seedFiles = () => readdirSync(SEED).filter((name) => name.endsWith('.json'));
  const seedWords = () => seedFiles().reduce((sum, name) => sum + JSON.parse(readFileSync(join(SEED, name), 'utf8')).words.length, 0);

  it('loads the seed dictionary at first start', async () => {
    const topics = await api.call('GET', '/vocabulary/topics', { token });
    expect(topics.status).toBe(200);
    expect(topics.body).toHaveLength(seedFiles().length);
    expect(topics.body.reduce((sum: number, topic: { wordCount: number }) => sum + topic.wordCount, 0)).toBe(seedWords());
    expect(topics.body[0]).toMatchObject({ id: expect.any(String), slug: expect.any(String), title: { nl: expect.any(String), en: expect.any(String) }, level: 'A1' });
    expect(topics.body[0].stats).toMatchObject({ seen: 0, accuracy: null, streak: 0 });
  });

  it('answers a session’s cards, publishes the review and the progress on Kafka, and syncs a replayed batch as duplicates', async () => {
    const cards = await probeTopic(VocabularyTopics.thematicCards);
    const progress = await probeTopic(VocabularyTopics.thematicProgress);
    try {
      const [topic] = (await api.call('GET', '/vocabulary/topics', { token })).body;
      const words = (await api.call('GET', `/vocabulary/topics/${topic.id}/words`, { token })).body as Array<{ id: string; lemma: string; translations: { en: string } }>;
      const session = await api.call('GET', `/vocabulary/topics/${topic.id}/session?mode=recognition&size=3`, { token });
      expect(session.status).toBe(200);
      expect(session.body.cards).toHaveLength(3);
      const [first, second] = session.body.cards;
      const wordOf = (id: string) => words.find((word) => word.id === id) as { lemma: string; translations: { en: string } };
      expect(first.prompt.options).toContain(wordOf(first.wordId).translations.en);

      const body = { reviewId: randomUUID(), wordId: first.wordId, mode: 'recognition', answer: wordOf(first.wordId).translations.en, answeredAt: new Date().toISOString(), durationMs: 2100 };
      const answered = await api.call('POST', '/vocabulary/thematic/reviews', { token, body });
      expect(answered).toMatchObject({ status: 200, body: { correct: true, box: 2, duplicate: false } });
      expect((await api.call('POST', '/vocabulary/thematic/reviews', { token, body })).body).toMatchObject({ correct: true, duplicate: true });

      await waitFor(() => cards.messages.some((message) => message.key === userId), { timeoutMs: 20_000, what: 'the review on vocab.cards.v1' });
      const reviewed = cards.messages.filter((message) => message.key === userId);
      expect(reviewed).toHaveLength(1);
      expect(reviewed[0].value).toMatchObject({
        type: 'thematic.card.reviewed',
        payload: { userId, reviewId: body.reviewId, wordId: first.wordId, topicId: topic.id, correct: true, fromBox: 0, toBox: 2, mastered: false },
      });
      await waitFor(() => progress.messages.some((message) => message.key === userId), { timeoutMs: 20_000, what: 'the progress on vocab.progress.v1' });
      expect(progress.messages.find((message) => message.key === userId)?.value).toMatchObject({
        type: 'thematic.topic.progressed',
        payload: { userId, topicId: topic.id, seen: 1, learning: 1, mastered: 0, wordCount: topic.wordCount },
      });

      const batch = {
        reviews: [
          { kind: 'thematic', reviewId: randomUUID(), wordId: second.wordId, mode: 'recall', answer: wordOf(second.wordId).lemma.toUpperCase(), answeredAt: new Date(Date.now() - 60_000).toISOString(), durationMs: 3000 },
          { kind: 'thematic', reviewId: body.reviewId, wordId: first.wordId, mode: 'recognition', answer: 'anything', answeredAt: body.answeredAt, durationMs: 2100 },
        ],
      };
      const synced = await api.call('POST', '/vocabulary/reviews/batch', { token, body: batch });
      expect(synced.status).toBe(200);
      expect(synced.body.results.map((result: { status: string }) => result.status)).toEqual(['applied', 'duplicate']);
      const replayed = await api.call('POST', '/vocabulary/reviews/batch', { token, body: batch });
      expect(replayed.body.results.map((result: { status: string }) => result.status)).toEqual(['duplicate', 'duplicate']);

      const stats = await api.call('GET', '/vocabulary/thematic/stats', { token });
      expect(stats.body.overall).toMatchObject({ seen: 2, reviews: 2, correctReviews: 2, accuracy: 1, streak: 1, topicsStarted: 1 });
    } finally {
      await cards.close();
      await progress.close();
    }
  });

  it('keeps the dictionary and the student’s cards across a restart without loading the seed again', async () => {
    await tall.stop();
    tall = await startTall({ DATABASE_URL: stores.DATABASE_URL, MONGODB_URI: stores.MONGODB_URI, CRON_ENABLED: 'false' });
    api = new IdentityApi(tall.url);
    await ready();
    await waitFor(async () => tall.logs().includes('seed dictionary already loaded'), { timeoutMs: 10_000, what: 'the seed check' });
    expect(tall.logs()).not.toContain('seed dictionary loaded"');
    const stats = await api.call('GET', '/vocabulary/thematic/stats', { token });
    expect(stats.body.overall).toMatchObject({ seen: 2, wordCount: seedWords() });
  });

  it('refuses what it cannot apply with the platform’s error envelope', async () => {
    const future = await api.call('POST', '/vocabulary/thematic/reviews', {
      token,
      body: { reviewId: randomUUID(), wordId: 'w_unknown', mode: 'recall', answer: 'x', answeredAt: new Date(Date.now() + 3_600_000).toISOString(), durationMs: 1 },
    });
    expect(future).toMatchObject({ status: 422, body: { code: 'ANSWERED_AT_IN_FUTURE', correlationId: expect.any(String) } });
    const unknown = await api.call('POST', '/vocabulary/thematic/reviews', {
      token,
      body: { reviewId: randomUUID(), wordId: 'w_unknown', mode: 'recall', answer: 'x', answeredAt: new Date().toISOString(), durationMs: 1 },
    });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'WORD_NOT_FOUND' } });
    const tooMany = await api.call('POST', '/vocabulary/reviews/batch', {
      token,
      body: {
        reviews: Array.from({ length: 501 }, () => ({ kind: 'learning', reviewId: randomUUID(), userWordId: 'x', rating: 'good', answeredAt: new Date().toISOString(), durationMs: 1 })),
      },
    });
    expect(tooMany).toMatchObject({ status: 413, body: { code: 'BATCH_TOO_LARGE' } });
  });
});
