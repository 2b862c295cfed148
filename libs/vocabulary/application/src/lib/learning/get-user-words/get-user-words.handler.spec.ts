import type { CardWordRecord, LearningStore } from '../learning-store.port';
import { GetUserWordsHandler } from './get-user-words.handler';
import { GetUserWordsQuery } from './get-user-words.query';

const [u1, u2] = ['7b0c6a3e-1d2f-4a5b-8c9d-0e1f2a3b4c5d', '8c1d7b4f-2e3a-4b6c-9dae-1f2a3b4c5d6e'];

describe('GetUserWordsHandler', () => {
  it("gives the student's words as the reader glosses them, and asks the store for that student only", async () => {
    const asked: string[] = [];
    const cards: Record<string, CardWordRecord[]> = {
      [u1]: [
        { id: 'c-fiets', lemma: 'fiets', article: 'de', translation: 'bicycle', wordId: null },
        { id: 'c-huis', lemma: 'huis', article: 'het', translation: 'house', wordId: 'w-huis' },
        { id: 'c-read', lemma: 'gezellig', article: null, translation: null, wordId: null },
      ],
    };
    const store = {
      cardWords: async (userId: string) => {
        asked.push(userId);
        return cards[userId] ?? [];
      },
    } as Partial<LearningStore> as LearningStore;
    const handler = new GetUserWordsHandler(store);

    expect(await handler.execute(new GetUserWordsQuery(u1))).toEqual({
      words: [
        { userWordId: 'c-fiets', lemma: 'fiets', article: 'de', translation: 'bicycle', wordId: null },
        { userWordId: 'c-huis', lemma: 'huis', article: 'het', translation: 'house', wordId: 'w-huis' },
        { userWordId: 'c-read', lemma: 'gezellig', article: null, translation: null, wordId: null },
      ],
    });
    expect(await handler.execute(new GetUserWordsQuery(u2))).toEqual({ words: [] });
    expect(asked).toEqual([u1, u2]);
  });
});
