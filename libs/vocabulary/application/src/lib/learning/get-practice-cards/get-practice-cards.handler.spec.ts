import type { LearningCardRecord, LearningStore } from '../learning-store.port';
import { GetPracticeCardsHandler } from './get-practice-cards.handler';
import { GetPracticeCardsQuery } from './get-practice-cards.query';

const [u1, u2] = ['7b0c6a3e-1d2f-4a5b-8c9d-0e1f2a3b4c5d', '8c1d7b4f-2e3a-4b6c-9dae-1f2a3b4c5d6e'];

const card = (id: string, fields: Partial<LearningCardRecord>): LearningCardRecord =>
  ({ id, userId: u1, lemma: id, article: null, translation: null, context: null, wordId: null, addedAt: new Date('2026-03-10T09:00:00Z'), ...fields }) as LearningCardRecord;

describe('GetPracticeCardsHandler', () => {
  it("gives the student's newest cards with their sentence and when they were added, asking the store for that student and limit only", async () => {
    const asked: Array<{ userId: string; limit: number }> = [];
    const cards: Record<string, LearningCardRecord[]> = {
      [u1]: [
        card('c-fiets', { lemma: 'fiets', article: 'de', translation: 'bicycle', context: 'Mijn fiets is kapot.', addedAt: new Date('2026-03-11T08:00:00Z') }),
        card('c-huis', { lemma: 'huis', article: 'het', translation: 'house', wordId: 'w-huis' }),
      ],
    };
    const store = {
      listCards: async (userId: string, query: { skip: number; limit: number }) => {
        asked.push({ userId, limit: query.limit });
        return { items: (cards[userId] ?? []).slice(query.skip, query.skip + query.limit), total: cards[userId]?.length ?? 0 };
      },
    } as Partial<LearningStore> as LearningStore;
    const handler = new GetPracticeCardsHandler(store);

    expect(await handler.execute(new GetPracticeCardsQuery(u1, 10))).toEqual({
      cards: [
        { userWordId: 'c-fiets', lemma: 'fiets', article: 'de', translation: 'bicycle', context: 'Mijn fiets is kapot.', wordId: null, addedAt: '2026-03-11T08:00:00.000Z' },
        { userWordId: 'c-huis', lemma: 'huis', article: 'het', translation: 'house', context: null, wordId: 'w-huis', addedAt: '2026-03-10T09:00:00.000Z' },
      ],
    });
    expect(await handler.execute(new GetPracticeCardsQuery(u2))).toEqual({ cards: [] });
    expect(asked).toEqual([
      { userId: u1, limit: 10 },
      { userId: u2, limit: 50 },
    ]);
  });
});
