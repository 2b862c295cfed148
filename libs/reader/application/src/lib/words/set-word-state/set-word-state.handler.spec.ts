import { ANNA, BORIS, libraryText, readerFixture, refusalOf, type ReaderFixture } from '../../../test-support/reader-fixture';
import { ReaderError } from '../../reader-error';
import { OpenTextCommand } from '../../reading/open-text/open-text.command';
import { OpenTextHandler } from '../../reading/open-text/open-text.handler';
import { SetWordStateCommand } from './set-word-state.command';
import { SetWordStateHandler } from './set-word-state.handler';

describe('SetWordStateHandler', () => {
  let fixture: ReaderFixture;
  let handler: SetWordStateHandler;
  const set = (body: SetWordStateCommand['body'], userId = ANNA) => handler.execute(new SetWordStateCommand(userId, body));

  beforeEach(() => {
    fixture = readerFixture();
    handler = new SetWordStateHandler(fixture.views, fixture.reading, fixture.clock.read);
  });

  it('keeps the state of a dictionary word under its id', async () => {
    expect(await set({ wordId: 'w-huis', state: 'known' })).toEqual({ key: 'w-huis', state: 'known' });
    expect(fixture.reading.states.get(`${ANNA}:w-huis`)).toEqual({ userId: ANNA, key: 'w-huis', state: 'known', updatedAt: fixture.clock.now });
    fixture.clock.advance(1_000);
    expect(await set({ wordId: 'w-huis', state: 'new' })).toEqual({ key: 'w-huis', state: 'new' });
    expect(await fixture.reading.statesOf(ANNA)).toEqual(new Map([['w-huis', 'new']]));
    expect(await fixture.reading.statesOf(BORIS)).toEqual(new Map());
  });

  it('refuses a word id the dictionary lacks', async () => {
    const refused = await refusalOf(set({ wordId: 'w-nope', state: 'known' }));
    expect(refused).toBeInstanceOf(ReaderError);
    expect(refused).toMatchObject({ code: 'WORD_NOT_FOUND' });
    expect(fixture.reading.states.size).toBe(0);
  });

  it.each([
    ['huis', 'w-huis'],
    ['Huis', 'w-huis'],
    ['FIETSEN', 'w-fietsen'],
    // A closed-class word is keyed as the lexicon keys it in texts.
    ['de', 'function:de'],
    // Anything else is kept under the word, lower-case: an inflected form is not its lemma.
    ['Straat', 'word:straat'],
    ['huizen', 'word:huizen'],
  ])('keys the lemma %j as %s', async (lemma, key) => {
    expect(await set({ lemma, state: 'ignored' })).toEqual({ key, state: 'ignored' });
    expect((await fixture.reading.statesOf(ANNA, [key])).get(key)).toBe('ignored');
  });

  it('applies a state set by lemma to the words of every text', async () => {
    fixture.library.add(libraryText({ id: 'story' }));
    const open = new OpenTextHandler(fixture.texts, fixture.views, fixture.reading, fixture.clock.read);
    await set({ lemma: 'straat', state: 'known' });
    await set({ lemma: 'De', state: 'ignored' });
    await set({ lemma: 'huis', state: 'learning' });
    const text = await open.execute(new OpenTextCommand(ANNA, 'story', 'en'));
    const states = new Map(text.paragraphs.flatMap((paragraph) => paragraph.sentences.flatMap((sentence) => sentence.tokens)).map((token) => [token.text, token.state]));
    expect([states.get('straat'), states.get('de'), states.get('De'), states.get('huizen'), states.get('man')]).toEqual(['known', 'ignored', 'ignored', 'learning', 'new']);
  });
});
