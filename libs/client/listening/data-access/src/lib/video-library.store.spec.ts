import { createTallApi } from '@tall/client/api';
import { FakeApi, json } from '@tall/client/api/testing';
import { videoSummary } from '../testing/listening-fixture';
import { createListeningApi } from './listening-api';
import type { VideoSummary } from './listening-types';
import { createVideoLibraryStore, NO_VIDEO_FILTERS, videoListQuery } from './video-library.store';

const LIST = '/api/v1/listening/videos';

function library(videos: VideoSummary[], urlsExpireAt = '2026-01-05T10:10:00.000Z') {
  const queries: Array<Record<string, string>> = [];
  const fake = new FakeApi().on('GET', LIST, (request) => {
    const query = Object.fromEntries(new URL(request.url).searchParams);
    queries.push(query);
    const items = videos.filter((video) => (!query['level'] || video.level === query['level']) && (!query['topic'] || video.topic === query['topic']));
    return json(200, { items, urlsExpireAt });
  });
  return { fake, queries, store: createVideoLibraryStore(createListeningApi(createTallApi('http://tall.test', fake.fetch))) };
}

const videos = [videoSummary('op-de-markt'), videoSummary('de-trein', { level: 'A2', topic: 'travel' }), videoSummary('het-weer', { level: 'A2', topic: 'weather' })];

describe('the video library store', () => {
  it('leaves empty filters out of the query', () => {
    expect(videoListQuery(NO_VIDEO_FILTERS)).toEqual({});
    expect(videoListQuery({ level: 'A2', topic: 'travel' })).toEqual({ level: 'A2', topic: 'travel' });
  });

  it('loads the videos for the filters and keeps every topic seen for the topic filter', async () => {
    const { store, queries } = library(videos);
    await store.getState().load();
    expect(store.getState()).toMatchObject({ loaded: true, topics: ['shopping', 'travel', 'weather'], urlsExpireAt: Date.parse('2026-01-05T10:10:00.000Z') });
    await store.getState().load({ level: 'A2' });
    await store.getState().load({ topic: 'travel' });
    expect(queries.at(-1)).toEqual({ level: 'A2', topic: 'travel' });
    expect(store.getState().items.map((video) => video.id)).toEqual(['de-trein']);
    expect(store.getState().topics).toEqual(['shopping', 'travel', 'weather']);
  });

  it('keeps only the newest answer when filter changes cross', async () => {
    let release: () => void = () => undefined;
    const fake = new FakeApi().on('GET', LIST, async (request) => {
      const level = new URL(request.url).searchParams.get('level');
      if (level === 'A1') await new Promise<void>((resolve) => (release = resolve));
      return json(200, { items: videos.filter((video) => video.level === level), urlsExpireAt: '2026-01-05T10:10:00.000Z' });
    });
    const store = createVideoLibraryStore(createListeningApi(createTallApi('http://tall.test', fake.fetch)));
    const slow = store.getState().load({ level: 'A1' });
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    await store.getState().load({ level: 'A2' });
    release();
    await slow;
    expect(store.getState().items.map((video) => video.id)).toEqual(['de-trein', 'het-weer']);
  });

  it('loads the list again for new poster URLs only once they have expired', async () => {
    const { store, queries } = library(videos);
    await store.getState().load();
    expect(await store.getState().renewIfExpired(Date.parse('2026-01-05T10:09:00.000Z'))).toBe(false);
    expect(await store.getState().renewIfExpired(Date.parse('2026-01-05T10:10:01.000Z'))).toBe(true);
    expect(queries).toHaveLength(2);
  });

  it('explains a refusal', async () => {
    const fake = new FakeApi().on('GET', LIST, () => json(403, { statusCode: 403, code: 'FORBIDDEN', message: 'students only' }));
    const store = createVideoLibraryStore(createListeningApi(createTallApi('http://tall.test', fake.fetch)));
    await store.getState().load();
    expect(store.getState()).toMatchObject({ loaded: false, loading: false });
    expect(store.getState().problem?.code).toBe('FORBIDDEN');
  });
});
