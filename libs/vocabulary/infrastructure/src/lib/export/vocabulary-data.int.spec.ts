import { randomUUID } from 'node:crypto';
import { createEvent } from '@tall/platform/event-contracts';
import { RpcClient } from '@tall/platform/rpc';
import { UserDeleted } from '@tall/profile/contracts';
import { ExportVocabularyData } from '@tall/vocabulary/contracts';
import { seedWordId } from '@tall/vocabulary/domain';
import { startVocabularyApp, student, type VocabularyTestApp } from '../../test-support/vocabulary-test-app';
import { THEMATIC_CARDS, THEMATIC_PROGRESS, THEMATIC_REVIEWS } from '../persistence/collections';
import { VocabularyUserDeletedHandler } from './user-deleted.handler';

const tafel = seedWordId('kitchen', 'tafel', 'noun');

describe('vocabulary export and erasure (Nest app on MongoDB)', () => {
  let vocab: VocabularyTestApp;

  beforeAll(async () => {
    vocab = await startVocabularyApp();
  });

  afterAll(async () => {
    await vocab?.close();
  });

  const exportOf = (userId: string) => vocab.app.get(RpcClient).call(ExportVocabularyData, { userId }, { principal: { userId, role: 'STUDENT' } });
  const count = async (collection: string, userId: string) => vocab.db.collection(collection).countDocuments({ userId });

  async function studyingStudent() {
    const me = student();
    const reviewId = randomUUID();
    const answered = await vocab.request('POST', '/thematic/reviews', me, {
      reviewId,
      wordId: tafel,
      mode: 'recall',
      answer: 'de tafel',
      answeredAt: vocab.clock.now.toISOString(),
      durationMs: 1800,
    });
    expect(answered.status).toBe(200);
    const added = await vocab.request('POST', '/my-words', me, { lemma: 'fiets', translation: 'bicycle' });
    expect(added.status).toBe(201);
    return { me, reviewId, userWordId: added.body.id as string };
  }

  it('exports the student’s thematic cards, reviews and progress, and their learning cards', async () => {
    const { me, reviewId } = await studyingStudent();
    const section = await exportOf(me.userId);
    expect(section).toMatchObject({ context: 'vocabulary', purposes: expect.any(Array), retention: expect.any(String), recipients: expect.any(Array) });
    expect(section.statement).toBeUndefined();
    const data = section.data as { thematicCards: { cards: unknown[]; reviews: unknown[]; topics: unknown[] }; learningCards: Record<string, unknown> };
    expect(data.thematicCards.cards).toEqual([{ wordId: tafel, topicId: expect.any(String), box: 2, dueAt: expect.any(String), reviews: 1, correctReviews: 1 }]);
    expect(data.thematicCards.reviews).toEqual([
      { reviewId, wordId: tafel, topicId: expect.any(String), mode: 'recall', correct: true, fromBox: 0, box: 2, answeredAt: vocab.clock.now.toISOString(), durationMs: 1800 },
    ]);
    expect(data.thematicCards.topics).toEqual([expect.objectContaining({ seen: 1, learning: 1, mastered: 0, topicMastered: false })]);
    expect(JSON.stringify(data.learningCards)).toContain('fiets');
  });

  it('says it holds nothing about a student who never studied', async () => {
    const section = await exportOf(randomUUID());
    expect(section.statement).toEqual(expect.any(String));
    expect((section.data as { thematicCards: { cards: unknown[] } }).thematicCards.cards).toEqual([]);
  });

  it('erases everything about a deleted user, thematic and learning, and tolerates the event twice', async () => {
    const { me } = await studyingStudent();
    const bystander = await studyingStudent();
    const event = createEvent(UserDeleted, { userId: me.userId, role: 'STUDENT', deletedAt: new Date().toISOString() }, { key: me.userId, correlationId: randomUUID() });
    const handler = vocab.app.get(VocabularyUserDeletedHandler);
    await handler.handle(event);
    await handler.handle(event);
    for (const collection of [THEMATIC_CARDS, THEMATIC_REVIEWS, THEMATIC_PROGRESS]) expect(await count(collection, me.userId)).toBe(0);
    const section = await exportOf(me.userId);
    expect(section.statement).toEqual(expect.any(String));
    expect(JSON.stringify(section.data)).not.toContain('fiets');
    // Others keep theirs.
    expect(await count(THEMATIC_CARDS, bystander.me.userId)).toBe(1);
    expect(JSON.stringify((await exportOf(bystander.me.userId)).data)).toContain('fiets');
  });
});
