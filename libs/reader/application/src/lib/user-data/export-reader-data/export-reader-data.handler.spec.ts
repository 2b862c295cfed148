import { readSomething } from '../../../test-support/reader-activity';
import { ANNA, BORIS, readerFixture, STORY } from '../../../test-support/reader-fixture';
import { ExportReaderDataHandler } from './export-reader-data.handler';
import { ExportReaderDataQuery } from './export-reader-data.query';

describe('ExportReaderDataHandler', () => {
  it("holds the student's own texts, word states, positions, saved words and test attempts, and nobody else's", async () => {
    const fixture = readerFixture();
    const anna = await readSomething(fixture, ANNA);
    await readSomething(fixture, BORIS);
    const at = fixture.clock.now.toISOString();

    const section = await new ExportReaderDataHandler(fixture.own, fixture.reading).execute(new ExportReaderDataQuery(ANNA));
    expect(section.context).toBe('reader');
    expect(section.data).toEqual({
      ownTexts: [{ id: anna.ownTextId, title: 'Mijn dagboek', createdAt: at, wordCount: 0, sections: [{ title: null, body: STORY }] }],
      wordStates: [
        { key: 'w-huis', state: 'learning', updatedAt: at },
        { key: 'word:straat', state: 'known', updatedAt: at },
      ],
      readingPositions: [{ textId: anna.ownTextId, paragraph: 1, sentence: 1, readingSeconds: 45, finished: false, openedAt: at, updatedAt: at }],
      savedWords: [expect.objectContaining({ savedId: anna.savedId, userId: ANNA, key: 'w-huis', lemma: 'huis', translation: 'house', context: 'De man woont in een groot huis.', savedAt: at })],
      testAttempts: [expect.objectContaining({ id: anna.attemptId, userId: ANNA, textId: 'tested', score: 1, maxScore: 4, answers: [{ questionId: 'q1', answer: 0 }], at })],
    });
    expect(JSON.stringify(section.data)).not.toContain(BORIS);
    expect(section.purposes.length).toBeGreaterThan(0);
    expect(section.recipients.length).toBeGreaterThan(0);
  });

  it('is empty for a student who never read', async () => {
    const fixture = readerFixture();
    await readSomething(fixture, BORIS);
    expect((await new ExportReaderDataHandler(fixture.own, fixture.reading).execute(new ExportReaderDataQuery(ANNA))).data).toEqual({
      ownTexts: [],
      wordStates: [],
      readingPositions: [],
      savedWords: [],
      testAttempts: [],
    });
  });
});
