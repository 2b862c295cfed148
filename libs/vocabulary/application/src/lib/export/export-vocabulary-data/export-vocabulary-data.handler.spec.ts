import type { QueryBus } from '@nestjs/cqrs';
import { ExportLearningDataQuery } from '../../learning/export-learning-data/export-learning-data.query';
import type { ThematicStore, ThematicUserData } from '../../thematic/thematic-store.port';
import { ExportVocabularyDataQuery } from './export-vocabulary-data.query';
import { ExportVocabularyDataHandler } from './export-vocabulary-data.handler';

const nothingLearnt = { words: [], removedWords: [], reviews: [], cohortSizes: null, weeklyActiveSets: [] };

function handlerWith(thematic: ThematicUserData, learning: Record<string, unknown>) {
  const asked: unknown[] = [];
  const store = { exportUser: async () => thematic } as Partial<ThematicStore> as ThematicStore;
  const queries = {
    execute: async (query: unknown) => {
      asked.push(query);
      return learning;
    },
  } as unknown as QueryBus;
  return { handler: new ExportVocabularyDataHandler(store, queries), asked };
}

describe('ExportVocabularyDataHandler', () => {
  it("puts the learning cards' own section beside the thematic cards", async () => {
    const dueAt = new Date('2026-03-03T09:00:00Z');
    const card = { wordId: 'w1', topicId: 't1', box: 2, dueAt, reviews: 1, correctReviews: 1 };
    const learning = { ...nothingLearnt, cohortSizes: { '2026-W48': 1 } };
    const { handler, asked } = handlerWith({ cards: [card], reviews: [], progress: [] }, learning);
    const section = await handler.execute(new ExportVocabularyDataQuery('u1'));
    expect(asked).toEqual([new ExportLearningDataQuery('u1')]);
    expect(section).toMatchObject({
      context: 'vocabulary',
      data: { thematicCards: { cards: [{ ...card, dueAt: dueAt.toISOString() }], reviews: [], topics: [] }, learningCards: learning },
    });
    expect(section.statement).toBeUndefined();
  });

  it('says so when it holds nothing about the user', async () => {
    const { handler } = handlerWith({ cards: [], reviews: [], progress: [] }, nothingLearnt);
    expect((await handler.execute(new ExportVocabularyDataQuery('u1'))).statement).toBe('The vocabulary context holds nothing about you yet.');
  });
});
