import { createTallApi } from '@tall/client/api';
import { FakeApi, json } from '@tall/client/api/testing';
import { createReaderApi } from './reader-api';
import { readerText } from '../testing/reader-fixture';
import type { ReaderText, ReaderToken } from './reader-types';
import { createReaderStore } from './reader.store';

const TEXT = '/api/v1/reader/texts/text-1';
const STATE = '/api/v1/reader/words/state';

function setup(text: ReaderText = readerText(), fake = new FakeApi()) {
  fake.on('GET', TEXT, () => json(200, text));
  const store = createReaderStore(createReaderApi(createTallApi('http://tall.test', fake.fetch)));
  return { store, fake };
}

const tokens = (store: ReturnType<typeof setup>['store']): ReaderToken[] =>
  store.getState().text?.paragraphs.flatMap((paragraph) => paragraph.sentences.flatMap((sentence) => sentence.tokens)) ?? [];
const find = (store: ReturnType<typeof setup>['store'], text: string) => tokens(store).find((token) => token.text === text) as ReaderToken;

describe('the reader store', () => {
  it('opens a text and takes its reading position and whether it was finished', async () => {
    const { store } = setup(readerText({ position: { paragraph: 1, sentence: 1, readingSeconds: 40, finished: true, updatedAt: '2026-01-05T10:00:00.000Z' } }));
    await store.getState().open('text-1');
    expect(store.getState()).toMatchObject({ loading: false, problem: null, finished: true });
    expect(store.getState().text?.title).toBe('Bellen');
  });

  it('explains a text that is not there', async () => {
    const { store } = setup(readerText(), new FakeApi());
    await store.getState().open('nope');
    expect(store.getState().problem).toMatchObject({ status: 404 });
    expect(store.getState().text).toBeNull();
  });

  it('marks a word by its id: every token of the word changes at once and the figures follow', async () => {
    const { store, fake } = setup();
    fake.on('PUT', STATE, (_request, body) => json(200, { key: 'w-opbellen', state: (body as { state: string }).state }));
    await store.getState().open('text-1');

    expect(await store.getState().setWordState(find(store, 'bel'), 'known')).toBe(true);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'PUT', path: STATE, body: { wordId: 'w-opbellen', state: 'known' } });
    expect(find(store, 'op').state).toBe('known');
    expect(store.getState().text?.stats).toEqual({ tokens: 10, known: 7, knownPercent: 70, newWords: 2, estimatedLevel: 'A1' });
    expect(store.getState().updating).toEqual([]);
  });

  it('names a word without a dictionary id by its lemma, or by its text in lower case', async () => {
    const { store, fake } = setup();
    fake.on('PUT', STATE, () => json(200, { key: 'x', state: 'ignored' }));
    await store.getState().open('text-1');
    await store.getState().setWordState(find(store, 'woont'), 'learning');
    await store.getState().setWordState(find(store, 'Utrecht'), 'ignored');
    expect(fake.requests.filter((request) => request.path === STATE).map((request) => request.body)).toEqual([
      { lemma: 'wonen', state: 'learning' },
      { lemma: 'utrecht', state: 'ignored' },
    ]);
    expect(find(store, 'Utrecht').state).toBe('ignored');
  });

  it('puts a word back and explains why when the API refuses the change', async () => {
    const { store, fake } = setup();
    fake.on('PUT', STATE, () => json(503, { statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'down' }));
    await store.getState().open('text-1');
    expect(await store.getState().setWordState(find(store, 'moeder'), 'known')).toBe(false);
    expect(find(store, 'moeder').state).toBe('learning');
    expect(store.getState().text?.stats.known).toBe(5);
    expect(store.getState().problem?.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('saves a word with its sentence and remembers it was saved', async () => {
    const { store, fake } = setup();
    fake.on('POST', `${TEXT}/saved-words`, (_request, body) =>
      json(201, { savedId: 's1', lemma: 'moeder', wordId: 'w-moeder', translation: 'mother', article: 'de', context: (body as { sentence: string }).sentence, textId: 'text-1', alreadySaved: false, savedAt: '2026-01-05T10:00:00.000Z' }),
    );
    await store.getState().open('text-1');
    const saved = await store.getState().saveWord(find(store, 'moeder'), 'Ik bel mijn moeder op.');
    expect(saved?.savedId).toBe('s1');
    expect(fake.requests.at(-1)?.body).toEqual({ wordId: 'w-moeder', sentence: 'Ik bel mijn moeder op.' });
    expect(store.getState()).toMatchObject({ saved: ['w-moeder'], saving: null });
    // Newly saved, the word is being learnt.
    expect(find(store, 'moeder').state).toBe('learning');
  });

  it('reports the position with the seconds read, skips a report that says nothing new, and marks the end', async () => {
    const { store, fake } = setup();
    const bodies: unknown[] = [];
    fake.on('PUT', `${TEXT}/position`, (_request, body) => {
      bodies.push(body);
      const { paragraph, sentence, readingSeconds } = body as { paragraph: number; sentence: number; readingSeconds: number };
      return json(200, { paragraph, sentence, readingSeconds, finished: paragraph === 1, updatedAt: '2026-01-05T10:00:00.000Z' });
    });
    await store.getState().open('text-1');

    expect(await store.getState().reportPosition('text-1', { paragraph: 0, sentence: 0 }, 30)).toBe(true);
    expect(await store.getState().reportPosition('text-1', { paragraph: 0, sentence: 0 }, 0)).toBe(true);
    expect(store.getState().finished).toBe(false);
    // Out of range places are clamped to the text.
    await store.getState().reportPosition('text-1', { paragraph: 9, sentence: 9 }, 4);
    expect(bodies).toEqual([
      { paragraph: 0, sentence: 0, readingSeconds: 30 },
      { paragraph: 1, sentence: 1, readingSeconds: 4 },
    ]);
    expect(store.getState().finished).toBe(true);
    expect(store.getState().text?.position).toMatchObject({ paragraph: 1, finished: true });
  });

  it('sends the report on leaving as a keepalive request, so it outlives a closed tab', async () => {
    const { store, fake } = setup();
    const keepalive: boolean[] = [];
    fake.on('PUT', `${TEXT}/position`, (request) => {
      keepalive.push(request.keepalive);
      return json(200, { paragraph: 0, sentence: 0, readingSeconds: 3, finished: false, updatedAt: '2026-01-05T10:00:00.000Z' });
    });
    await store.getState().open('text-1');
    await store.getState().reportPosition('text-1', { paragraph: 0, sentence: 0 }, 3, { keepalive: true });
    expect(keepalive).toEqual([true]);
  });

  it('still sends the last report of a text after the next text opened', async () => {
    const { store, fake } = setup();
    fake.on('GET', '/api/v1/reader/texts/text-2', () => json(200, readerText({ id: 'text-2' })));
    const paths: string[] = [];
    fake.on('PUT', `${TEXT}/position`, (request) => {
      paths.push(new URL(request.url).pathname);
      return json(200, { paragraph: 1, sentence: 0, readingSeconds: 8, finished: false, updatedAt: '2026-01-05T10:00:00.000Z' });
    });
    await store.getState().open('text-1');
    const leaving = store.getState().reportPosition('text-1', { paragraph: 1, sentence: 0 }, 8, { keepalive: true });
    await store.getState().open('text-2');
    expect(await leaving).toBe(true);
    expect(paths).toEqual([`${TEXT}/position`]);
    expect(store.getState().text?.id).toBe('text-2');
    expect(store.getState().text?.position).toBeNull();
  });

  it('says a report failed so the seconds can be sent again', async () => {
    const { store } = setup();
    await store.getState().open('text-1');
    expect(await store.getState().reportPosition('text-1', { paragraph: 1, sentence: 0 }, 12)).toBe(false);
    expect(store.getState().problem).toBeNull();
  });
});
