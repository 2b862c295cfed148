import { createTallApi } from '@tall/client/api';
import { FakeApi, json } from '@tall/client/api/testing';
import { createLibraryStore, libraryQuery, NO_FILTERS } from './library.store';
import { createReaderApi } from './reader-api';
import { readerText } from '../testing/reader-fixture';
import type { TextSummary } from './reader-types';

const LIST = '/api/v1/reader/texts';

function summary(id: string, overrides: Partial<TextSummary> = {}): TextSummary {
  const { paragraphs: _p, stats: _s, glosses: _g, language: _l, version: _v, ...fields } = readerText({ id, title: `Text ${id}` });
  return { ...fields, ...overrides };
}

function library(texts: TextSummary[]) {
  const queries: URLSearchParams[] = [];
  const fake = new FakeApi().on('GET', LIST, (request) => {
    const query = new URL(request.url).searchParams;
    queries.push(query);
    const page = Number(query.get('page'));
    const pageSize = Number(query.get('pageSize'));
    return json(200, { items: texts.slice((page - 1) * pageSize, page * pageSize), total: texts.length, page, pageSize });
  });
  return { fake, queries, store: createLibraryStore(createReaderApi(createTallApi('http://tall.test', fake.fetch))) };
}

describe('the library store', () => {
  it('leaves empty filters out of the query', () => {
    expect(libraryQuery(NO_FILTERS, 1, 12)).toEqual({ page: 1, pageSize: 12 });
    expect(libraryQuery({ source: 'own', level: 'A2', topic: 'family', search: '  bus ', minKnown: 80 }, 2, 12)).toEqual({
      source: 'own',
      level: 'A2',
      topic: 'family',
      q: 'bus',
      minKnown: 80,
      page: 2,
      pageSize: 12,
    });
  });

  it('loads a page with the filters and starts again at page 1 when a filter changes', async () => {
    const { store, queries } = library(Array.from({ length: 30 }, (_, index) => summary(`t${index}`)));
    await store.getState().load();
    await store.getState().load({ page: 3 });
    expect(store.getState()).toMatchObject({ page: 3, total: 30, loaded: true });
    expect(store.getState().items.map((item) => item.id)).toEqual(['t24', 't25', 't26', 't27', 't28', 't29']);

    await store.getState().load({ level: 'A1' });
    expect(store.getState().page).toBe(1);
    expect(Object.fromEntries(queries.at(-1) ?? [])).toEqual({ level: 'A1', page: '1', pageSize: '12' });
  });

  it('keeps only the newest answer when searches cross', async () => {
    let release: () => void = () => undefined;
    const fake = new FakeApi().on('GET', LIST, async (request) => {
      const q = new URL(request.url).searchParams.get('q');
      if (q === 'b') await new Promise<void>((resolve) => (release = resolve));
      return json(200, { items: [summary(q ?? 'all')], total: 1, page: 1, pageSize: 12 });
    });
    const store = createLibraryStore(createReaderApi(createTallApi('http://tall.test', fake.fetch)));
    const slow = store.getState().load({ search: 'b' });
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    await store.getState().load({ search: 'bu' });
    release();
    await slow;
    expect(store.getState().items.map((item) => item.id)).toEqual(['bu']);
  });

  it('deletes an own text and shows the last page there is when its page became empty', async () => {
    const texts = Array.from({ length: 13 }, (_, index) => summary(`t${index}`, { source: 'own' }));
    const { store, fake } = library(texts);
    fake.on('DELETE', `${LIST}/t12`, () => {
      texts.pop();
      return json(204, null);
    });
    await store.getState().load({ page: 2 });
    expect(store.getState().items).toHaveLength(1);
    expect(await store.getState().remove('t12')).toBe(true);
    expect(store.getState()).toMatchObject({ page: 1, total: 12, deleting: null });
  });

  it('explains a refused delete', async () => {
    const { store, fake } = library([summary('t0')]);
    fake.on('DELETE', `${LIST}/t0`, () => json(403, { statusCode: 403, code: 'FORBIDDEN', message: 'not yours' }));
    expect(await store.getState().remove('t0')).toBe(false);
    expect(store.getState().problem?.code).toBe('FORBIDDEN');
  });
});
