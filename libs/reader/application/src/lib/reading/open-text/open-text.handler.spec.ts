import { TextOpened, type ReaderText, type ReaderToken } from '@tall/reader/contracts';
import { ANNA, ANNA_CARDS, BORIS, libraryText, ownText, readerFixture, refusalOf, type ReaderFixture } from '../../../test-support/reader-fixture';
import { ReaderError } from '../../reader-error';
import { OpenTextCommand } from './open-text.command';
import { OpenTextHandler, READING_SESSION_GAP_MS } from './open-text.handler';

const words = (text: ReaderText): ReaderToken[] => text.paragraphs.flatMap((paragraph) => paragraph.sentences.flatMap((sentence) => sentence.tokens)).filter((token) => token.kind === 'word');
const token = (text: ReaderText, word: string): ReaderToken => {
  const found = words(text).find((candidate) => candidate.text === word);
  if (!found) throw new Error(`no token "${word}"`);
  return found;
};

describe('OpenTextHandler', () => {
  let fixture: ReaderFixture;
  let handler: OpenTextHandler;
  const open = (textId: string, userId = ANNA, language = 'en') => handler.execute(new OpenTextCommand(userId, textId, language));

  beforeEach(() => {
    fixture = readerFixture();
    handler = new OpenTextHandler(fixture.texts, fixture.views, fixture.reading, fixture.clock.read);
    fixture.library.add(libraryText({ id: 'story', title: 'De nieuwe buurman', level: 'A2', version: 3 }));
  });

  it('gives every word its dictionary word, lemma and state, in paragraphs and sentences as written', async () => {
    const text = await open('story');
    expect(text).toMatchObject({ id: 'story', title: 'De nieuwe buurman', language: 'nl', version: 3, source: 'library', level: 'A2' });
    expect(text.paragraphs.map((paragraph) => paragraph.sentences.length)).toEqual([1, 2, 1]);
    expect(token(text, 'huizen')).toEqual({ text: 'huizen', kind: 'word', lemma: 'huis', wordId: 'w-huis', state: 'new' });
    expect(token(text, 'fietst')).toMatchObject({ lemma: 'fietsen', wordId: 'w-fietsen', state: 'new' });
    // A closed-class word is recognised without being a dictionary word; an unknown word has neither.
    expect(token(text, 'elke')).toEqual({ text: 'elke', kind: 'word', lemma: 'elke', state: 'new' });
    expect(token(text, 'straat')).toEqual({ text: 'straat', kind: 'word', state: 'new' });
    expect(text.wordCount).toBe(words(text).length);
    expect(text.paragraphs[0].sentences[0].tokens.map((part) => part.text).join('')).toBe('De man woont in een groot huis.');
  });

  it("shows the student's learning cards as being learned, and a state the student chose over that", async () => {
    fixture.lexicons.setUserWords(ANNA, ANNA_CARDS);
    const first = await open('story');
    expect(token(first, 'huis')).toMatchObject({ wordId: 'w-huis', userWordId: 'uw-huis', state: 'learning' });
    // An own word that is no dictionary word is recognised by its lemma, its state kept under the word.
    expect(token(first, 'buurman')).toMatchObject({ lemma: 'buurman', userWordId: 'uw-buurman', state: 'learning' });
    expect(token(first, 'buurman').wordId).toBeUndefined();
    expect(token(first, 'man')).toMatchObject({ state: 'new' });

    await fixture.reading.setState(ANNA, 'w-huis', 'known', fixture.clock.now);
    await fixture.reading.setState(ANNA, 'word:buurman', 'ignored', fixture.clock.now);
    await fixture.reading.setState(ANNA, 'w-man', 'known', fixture.clock.now);
    const again = await open('story');
    expect(token(again, 'huis').state).toBe('known');
    expect(token(again, 'huizen').state).toBe('known');
    expect(token(again, 'buurman').state).toBe('ignored');
    expect(token(again, 'man').state).toBe('known');
    // Boris has neither the cards nor the states.
    const boris = await open('story', BORIS);
    expect([token(boris, 'huis').state, token(boris, 'buurman').state, token(boris, 'man').state]).toEqual(['new', 'new', 'new']);
  });

  it('counts known and ignored words in the statistics', async () => {
    const before = await open('story');
    await fixture.reading.setState(ANNA, 'w-man', 'known', fixture.clock.now);
    await fixture.reading.setState(ANNA, 'function:de', 'ignored', fixture.clock.now);
    const after = await open('story');
    const known = words(after).filter((word) => word.state === 'known' || word.state === 'ignored').length;
    expect(known).toBe(words(after).filter((word) => ['man', 'de', 'De'].includes(word.text)).length);
    expect(after.stats).toMatchObject({ tokens: words(after).length, known });
    expect(after.stats.knownPercent).toBeGreaterThan(before.stats.knownPercent);
    expect(after.knownPercent).toBe(after.stats.knownPercent);
    expect(after.stats.newWords).toBeLessThan(before.stats.newWords);
  });

  it('glosses each recognised word once, by word id or own:<id>, in the language asked for or else English', async () => {
    fixture.lexicons.setUserWords(ANNA, ANNA_CARDS);
    const text = await open('story', ANNA, 'uk');
    expect(Object.keys(text.glosses).sort()).toEqual(['own:uw-buurman', 'w-blij', 'w-fietsen', 'w-groot', 'w-huis', 'w-man', 'w-werk']);
    expect(text.glosses['w-huis']).toEqual({
      lemma: 'huis',
      wordId: 'w-huis',
      userWordId: 'uw-huis',
      pos: 'noun',
      article: 'het',
      plural: 'huizen',
      verbForms: null,
      translation: 'будинок',
      translationLanguage: 'uk',
      level: 'A1',
    });
    expect(text.glosses['w-man']).toMatchObject({ translation: 'man', translationLanguage: 'en', userWordId: null });
    expect(text.glosses['w-fietsen'].verbForms).toEqual({ presentThirdSingular: 'fietst', pastSingular: 'fietste', pastPlural: 'fietsten', participle: 'gefietst', separablePrefix: null });
    expect(text.glosses['own:uw-buurman']).toMatchObject({ lemma: 'buurman', wordId: null, userWordId: 'uw-buurman', article: 'de', translation: 'neighbour', translationLanguage: null });
    expect((await open('story', ANNA, 'en')).glosses['w-huis']).toMatchObject({ translation: 'house', translationLanguage: 'en' });
  });

  it('publishes text.opened once per reading session: again only after 30 minutes', async () => {
    const opened = () => fixture.reading.eventsOf(TextOpened.type);
    const first = await open('story');
    expect(first.position).toMatchObject({ paragraph: 0, sentence: 0, readingSeconds: 0, finished: false });
    expect(opened()).toHaveLength(1);
    expect(opened()[0]).toMatchObject({
      key: ANNA,
      actorId: ANNA,
      topic: TextOpened.topic,
      occurredAt: fixture.clock.now.toISOString(),
      payload: { userId: ANNA, textId: 'story', source: 'library', level: 'A2', wordCount: first.wordCount, at: fixture.clock.now.toISOString() },
    });

    fixture.clock.advance(READING_SESSION_GAP_MS - 1);
    await open('story');
    expect(opened()).toHaveLength(1);

    fixture.clock.advance(1);
    await open('story');
    expect(opened()).toHaveLength(2);
    expect(fixture.reading.storedProgress(ANNA, 'story')).toMatchObject({ openedAt: fixture.clock.now, revision: 2 });

    // Another student's session is their own.
    await open('story', BORIS);
    expect(opened().map((event) => event.payload)).toEqual([
      expect.objectContaining({ userId: ANNA }),
      expect.objectContaining({ userId: ANNA }),
      expect.objectContaining({ userId: BORIS }),
    ]);
  });

  it('keeps where the student was when a new session starts', async () => {
    await open('story');
    const stored = fixture.reading.storedProgress(ANNA, 'story');
    if (!stored) throw new Error('no progress stored');
    fixture.reading.writeProgressDirectly({ ...stored, paragraph: 1, sentence: 1, readingSeconds: 95, revision: stored.revision + 1 });
    fixture.clock.advance(READING_SESSION_GAP_MS * 3);
    const text = await open('story');
    expect(text.position).toMatchObject({ paragraph: 1, sentence: 1, readingSeconds: 95 });
  });

  it('lets a concurrent open of the same student publish the event, and still answers', async () => {
    fixture.reading.beforeNextProgressWrite(() =>
      fixture.reading.writeProgressDirectly({
        userId: ANNA,
        textId: 'story',
        paragraph: 0,
        sentence: 0,
        paragraphs: 3,
        readingSeconds: 0,
        finished: false,
        openedAt: fixture.clock.now,
        progressReportedAt: null,
        updatedAt: fixture.clock.now,
        revision: 1,
      }),
    );
    const text = await open('story');
    expect(text.id).toBe('story');
    expect(fixture.reading.eventsOf(TextOpened.type)).toHaveLength(0);
  });

  it("reads the student's own text, without its title in the event, and refuses another student's as not found", async () => {
    await fixture.own.insert(ownText(ANNA, { id: 'annas-text', title: 'Mijn dagboek', sections: [{ title: 'Maandag', body: 'Ik fiets naar huis.' }] }));
    const text = await open('annas-text');
    expect(text).toMatchObject({ source: 'own', level: null, topic: null });
    expect(text.paragraphs[0]).toMatchObject({ heading: true });
    expect(JSON.stringify(fixture.reading.eventsOf(TextOpened.type))).not.toContain('dagboek');

    const refused = await refusalOf(open('annas-text', BORIS));
    expect(refused).toBeInstanceOf(ReaderError);
    expect(refused).toMatchObject({ code: 'TEXT_NOT_FOUND' });
    expect(await refusalOf(open('no-such-text'))).toMatchObject({ code: 'TEXT_NOT_FOUND' });
    expect(fixture.reading.storedProgress(BORIS, 'annas-text')).toBeUndefined();
  });

  it('does not show an archived library text', async () => {
    fixture.library.add(libraryText({ id: 'withdrawn' }), false);
    expect(await refusalOf(open('withdrawn'))).toMatchObject({ code: 'TEXT_NOT_FOUND' });
  });
});
