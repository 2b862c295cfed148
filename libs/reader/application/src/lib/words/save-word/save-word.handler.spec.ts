import { ReaderWordSaved } from '@tall/reader/contracts';
import { ANNA, BORIS, libraryText, ownText, readerFixture, refusalOf, type ReaderFixture } from '../../../test-support/reader-fixture';
import { SaveWordCommand } from './save-word.command';
import { SaveWordHandler } from './save-word.handler';

const SENTENCE = 'De man woont in een groot huis.';

describe('SaveWordHandler', () => {
  let fixture: ReaderFixture;
  let handler: SaveWordHandler;
  const saveWord = (body: SaveWordCommand['body'], textId = 'story', userId = ANNA) => handler.execute(new SaveWordCommand(userId, textId, body));
  const savedEvents = () => fixture.reading.eventsOf(ReaderWordSaved.type);

  beforeEach(() => {
    fixture = readerFixture();
    handler = new SaveWordHandler(fixture.texts, fixture.views, fixture.reading, fixture.lexicons, fixture.clock.read);
    fixture.library.add(libraryText({ id: 'story' }));
    fixture.library.add(libraryText({ id: 'sequel' }));
  });

  it('saves a dictionary word with its article and the translation asked for, publishes it, and marks it learning', async () => {
    const { word, created } = await saveWord({ wordId: 'w-huis', sentence: SENTENCE, language: 'uk' });
    expect(created).toBe(true);
    expect(word).toEqual({
      savedId: expect.stringMatching(/^[0-9a-f]{32}$/),
      lemma: 'huis',
      wordId: 'w-huis',
      translation: 'будинок',
      article: 'het',
      context: SENTENCE,
      textId: 'story',
      alreadySaved: false,
      savedAt: fixture.clock.now.toISOString(),
    });
    expect(savedEvents()).toHaveLength(1);
    expect(savedEvents()[0]).toMatchObject({
      key: ANNA,
      actorId: ANNA,
      payload: { userId: ANNA, savedId: word.savedId, lemma: 'huis', translation: 'будинок', article: 'het', context: SENTENCE, textId: 'story', wordId: 'w-huis' },
    });
    expect(await fixture.reading.statesOf(ANNA)).toEqual(new Map([['w-huis', 'learning']]));
    // The next read of her words must ask vocabulary again.
    expect(fixture.lexicons.forgotten).toEqual([ANNA]);
  });

  it('falls back to English when the dictionary lacks the language, and to English by default', async () => {
    expect((await saveWord({ wordId: 'w-man', sentence: SENTENCE, language: 'uk' })).word).toMatchObject({ translation: 'man', article: 'de' });
    expect((await saveWord({ wordId: 'w-groot', sentence: SENTENCE })).word).toMatchObject({ translation: 'big', article: null });
  });

  it('saves a word once: again, from any text or by its lemma, it answers the first save and publishes nothing', async () => {
    const first = await saveWord({ wordId: 'w-huis', sentence: SENTENCE });
    await fixture.reading.setState(ANNA, 'w-huis', 'known', fixture.clock.now);
    fixture.clock.advance(60_000);
    const again = await saveWord({ lemma: 'Huis', sentence: 'De huizen in de straat zijn oud.' }, 'sequel');
    expect(again.created).toBe(false);
    expect(again.word).toEqual({ ...first.word, alreadySaved: true });
    expect(savedEvents()).toHaveLength(1);
    expect(fixture.reading.saved.size).toBe(1);
    // The state the student chose since is not undone.
    expect((await fixture.reading.statesOf(ANNA)).get('w-huis')).toBe('known');
    expect(fixture.lexicons.forgotten).toEqual([ANNA]);
  });

  it('keeps saves of different students apart', async () => {
    const annas = await saveWord({ wordId: 'w-huis', sentence: SENTENCE });
    const boris = await saveWord({ wordId: 'w-huis', sentence: SENTENCE }, 'story', BORIS);
    expect(boris.created).toBe(true);
    expect(boris.word.savedId).not.toBe(annas.word.savedId);
    expect(savedEvents().map((event) => (event.payload as { userId: string }).userId)).toEqual([ANNA, BORIS]);
  });

  it('saves a word the dictionary lacks under its lower-case form, without translation', async () => {
    const { word } = await saveWord({ lemma: 'Straat', sentence: 'De huizen in de straat zijn oud.', language: 'uk' });
    expect(word).toMatchObject({ lemma: 'Straat', wordId: null, translation: null, article: null });
    expect(fixture.reading.saved.get(word.savedId)).toMatchObject({ key: 'word:straat' });
    expect(await fixture.reading.statesOf(ANNA)).toEqual(new Map([['word:straat', 'learning']]));
    // The same word in another case is the same save.
    expect((await saveWord({ lemma: 'straat', sentence: SENTENCE })).created).toBe(false);
  });

  it('refuses an unknown word id, and a text the student may not read, saving nothing', async () => {
    expect(await refusalOf(saveWord({ wordId: 'w-nope', sentence: SENTENCE }))).toMatchObject({ code: 'WORD_NOT_FOUND' });
    await fixture.own.insert(ownText(BORIS, { id: 'boris-text' }));
    expect(await refusalOf(saveWord({ wordId: 'w-huis', sentence: SENTENCE }, 'boris-text'))).toMatchObject({ code: 'TEXT_NOT_FOUND' });
    expect(await refusalOf(saveWord({ wordId: 'w-huis', sentence: SENTENCE }, 'nowhere'))).toMatchObject({ code: 'TEXT_NOT_FOUND' });
    expect(fixture.reading.saved.size).toBe(0);
    expect(fixture.reading.events).toEqual([]);
    expect(fixture.reading.states.size).toBe(0);
  });
});
