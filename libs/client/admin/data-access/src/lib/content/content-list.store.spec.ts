import { fakeContentApi, summaryOf, topicItem, wordItem, fietsContent } from '../../testing/content-fixture';
import { createContentApi } from './content-api';
import { contentQuery, createContentListStore, NO_CONTENT_FILTERS } from './content-list.store';
import { createTopicChoicesStore } from './topic-choices.store';

const words = Array.from({ length: 30 }, (_, index) =>
  wordItem({ id: `w${index}`, title: `de woord${index}`, status: index % 3 === 0 ? 'in_review' : 'published', level: index % 2 ? 'A1' : 'A2', topic: index < 20 ? 'transport' : 'family' }, fietsContent()),
);

function setup() {
  const content = fakeContentApi([...words, topicItem(), topicItem({ id: 'family', title: 'Familie', level: 'A1' })]);
  return { ...content, api: createContentApi('http://tall.test', content.fake.fetch) };
}

describe('the content list store', () => {
  it('leaves empty filters out of the query, and the topic out of a list of topics', () => {
    expect(contentQuery(NO_CONTENT_FILTERS, 'words', 1, 25)).toEqual({ page: 1, pageSize: 25 });
    expect(contentQuery({ status: 'in_review', level: 'A2', topic: 'transport', q: ' fiets ' }, 'words', 2, 25)).toEqual({ status: 'in_review', level: 'A2', topic: 'transport', q: 'fiets', page: 2, pageSize: 25 });
    expect(contentQuery({ ...NO_CONTENT_FILTERS, topic: 'transport' }, 'topics', 1, 25)).toEqual({ page: 1, pageSize: 25 });
  });

  it('pages, filters from the first page again, and switches kinds without the topic filter', async () => {
    const { api, fake } = setup();
    const store = createContentListStore(api);
    await store.getState().load();
    await store.getState().load({ page: 2 });
    expect(store.getState()).toMatchObject({ kind: 'words', page: 2, total: 30, loaded: true });
    expect(store.getState().items).toHaveLength(5);

    await store.getState().load({ status: 'in_review', topic: 'transport' });
    expect(store.getState()).toMatchObject({ page: 1, total: 7 });
    expect(fake.requests.at(-1)?.path).toBe('/api/v1/admin/content/words');

    await store.getState().load({ kind: 'topics' });
    expect(store.getState()).toMatchObject({ kind: 'topics', page: 1, filters: { status: 'in_review', topic: null } });
    await store.getState().load({ status: null });
    expect(store.getState().items.map((item) => item.id)).toEqual(['transport', 'family']);
  });

  it('keeps only the newest answer, and shows a failure with the list it had', async () => {
    const { api, fake } = setup();
    const store = createContentListStore(api);
    // The first search is answered last.
    const list = (fake as unknown as { routes: Map<string, (request: Request, body: unknown) => Promise<Response>> }).routes.get('GET /api/v1/admin/content/words');
    if (!list) throw new Error('the fake lists no words');
    fake.on('GET', '/api/v1/admin/content/words', async (request, body) => {
      if (new URL(request.url).searchParams.get('q') === 'woord1') await new Promise((resolve) => setTimeout(resolve, 30));
      return list(request, body);
    });
    await Promise.all([store.getState().load({ q: 'woord1' }), store.getState().load({ q: 'woord2' })]);
    expect(store.getState().items.every((item) => item.title.includes('woord2'))).toBe(true);

    fake.on('GET', '/api/v1/admin/content/words', () => new Response(JSON.stringify({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: 'later' }), { status: 503 }));
    await store.getState().load({ level: 'A1' });
    expect(store.getState()).toMatchObject({ loading: false, problem: { code: 'SERVICE_UNAVAILABLE' } });
    expect(store.getState().items.length).toBeGreaterThan(0);
    store.getState().clearProblem();
    expect(store.getState().problem).toBeNull();
  });
});

describe('the topic choices', () => {
  it('loads every topic once, by level and title', async () => {
    const { api, fake } = setup();
    const store = createTopicChoicesStore(api);
    await Promise.all([store.getState().load(), store.getState().load()]);
    await store.getState().load();
    expect(store.getState().topics.map((topic) => topic.id)).toEqual(['family', 'transport']);
    expect(fake.calls('GET', '/api/v1/admin/content/topics')).toBe(1);
    await store.getState().load(true);
    expect(fake.calls('GET', '/api/v1/admin/content/topics')).toBe(2);
    expect(summaryOf(topicItem())).not.toHaveProperty('content');
  });
});
