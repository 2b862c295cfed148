import { createTallApi } from '@tall/client/api';
import { FakeApi, json } from '@tall/client/api/testing';
import { bucketsExercise, matchExercise, summaryOf, weeklySet } from '../testing/exercises-fixture';
import { catalogQuery, createCatalogStore, NO_CATALOG_FILTERS } from './catalog.store';
import { createExercisesApi } from './exercises-api';
import type { ExerciseSummary } from './exercise-types';
import { createWeeklyStore } from './weekly.store';

const LIST = '/api/v1/exercises';

function catalog(summaries: ExerciseSummary[]) {
  const queries: Array<Record<string, string>> = [];
  const fake = new FakeApi().on('GET', LIST, (request) => {
    const query = Object.fromEntries(new URL(request.url).searchParams);
    queries.push(query);
    const matching = summaries.filter((summary) => (!query['type'] || summary.type === query['type']) && (!query['level'] || summary.level === query['level']));
    const page = Number(query['page']);
    const pageSize = Number(query['pageSize']);
    return json(200, { items: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length, page, pageSize });
  });
  return { fake, queries, api: createExercisesApi(createTallApi('http://tall.test', fake.fetch)) };
}

describe('the catalog store', () => {
  it('leaves empty filters out of the query', () => {
    expect(catalogQuery(NO_CATALOG_FILTERS, 1, 12)).toEqual({ page: 1, pageSize: 12 });
    expect(catalogQuery({ type: 'cloze', level: 'B1' }, 2, 12)).toEqual({ type: 'cloze', level: 'B1', page: 2, pageSize: 12 });
  });

  it('loads a page with the filters and starts again at page 1 when a filter changes', async () => {
    const summaries = Array.from({ length: 30 }, (_, index) => summaryOf(index % 2 ? matchExercise({ id: `m${index}`, level: 'A2' }) : bucketsExercise({ id: `b${index}` })));
    const { api, queries } = catalog(summaries);
    const store = createCatalogStore(api);
    await store.getState().load();
    await store.getState().load({ page: 3 });
    expect(store.getState()).toMatchObject({ page: 3, total: 30, loaded: true });
    expect(store.getState().items).toHaveLength(6);

    await store.getState().load({ type: 'match' });
    expect(store.getState()).toMatchObject({ page: 1, total: 15 });
    expect(queries.at(-1)).toEqual({ type: 'match', page: '1', pageSize: '12' });
    await store.getState().load({ level: 'A1' });
    expect(store.getState()).toMatchObject({ total: 0, filters: { type: 'match', level: 'A1' } });
  });

  it('shows a failure and keeps the list it had', async () => {
    const { api, fake } = catalog([summaryOf(bucketsExercise())]);
    const store = createCatalogStore(api);
    await store.getState().load();
    fake.on('GET', LIST, () => json(503, { statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'later' }));
    await store.getState().load({ level: 'A2' });
    expect(store.getState()).toMatchObject({ loading: false, total: 1, problem: { code: 'SERVICE_UNAVAILABLE' } });
    store.getState().clearProblem();
    expect(store.getState().problem).toBeNull();
  });
});

describe('the weekly store', () => {
  it('loads the week’s set, or the reason it cannot', async () => {
    const { api, fake } = catalog([]);
    fake.on('GET', `${LIST}/weekly`, () => json(200, weeklySet()));
    const store = createWeeklyStore(api);
    await store.getState().load();
    expect(store.getState()).toMatchObject({ loaded: true, loading: false, set: { week: '2026-W02', items: [{ type: 'buckets', source: 'weekly' }] } });

    fake.on('GET', `${LIST}/weekly`, () => json(503, { statusCode: 503, code: 'DEPENDENCY_UNAVAILABLE', message: 'later' }));
    await store.getState().load();
    expect(store.getState()).toMatchObject({ loading: false, problem: { status: 503 } });
  });
});
