import { createTallApi } from '@tall/client/api';
import { FakeApi, json } from '@tall/client/api/testing';
import { videoView } from '../testing/listening-fixture';
import { createListeningApi } from './listening-api';
import type { VideoView } from './listening-types';
import { createPlayerStore } from './player.store';

const VIDEO = '/api/v1/listening/videos/op-de-markt';
const EXPECTED: Record<string, string | boolean> = { q1: 'Naar de markt', q2: 'twee euro', q3: false };

function player(video: VideoView = videoView(), now = () => Date.parse('2026-01-05T10:00:00.000Z')) {
  let served = video;
  const fake = new FakeApi()
    .on('GET', VIDEO, () => json(200, served))
    .on('POST', `${VIDEO}/answers`, (_request, body) => {
      const { questionId, answer } = body as { questionId: string; answer: unknown };
      const skipped = answer === null;
      const correct = skipped ? null : questionId === 'q1' ? answer === 1 : questionId === 'q3' ? answer === false : answer === 'twee euro';
      return json(200, { questionId, correct, skipped, expected: EXPECTED[questionId] });
    })
    .on('PUT', `${VIDEO}/position`, (_request, body) => {
      const { positionSeconds, watchedSeconds } = body as { positionSeconds: number; watchedSeconds: number };
      return json(200, { positionSeconds, watchedSeconds, completed: false, updatedAt: '2026-01-05T10:00:00.000Z' });
    });
  const store = createPlayerStore(createListeningApi(createTallApi('http://tall.test', fake.fetch)), now);
  return { store, fake, serve: (next: VideoView) => (served = next) };
}

describe('the player store', () => {
  it('opens a video with the answers the student gave before, and never asks those again', async () => {
    const { store } = player(videoView({ answers: [{ questionId: 'q1', correct: true, skipped: false, at: '2026-01-04T10:00:00.000Z' }] }));
    await store.getState().open('op-de-markt');
    expect(store.getState().marks).toEqual({ q1: { questionId: 'q1', correct: true, skipped: false } });
    expect(store.getState().reached(4, 4.4)).toBeNull();
    expect(store.getState().reached(10, 10.3)?.id).toBe('q2');
    expect(store.getState().asking?.id).toBe('q2');
  });

  it('grades an answer on the server, shows the verdict with the expected answer, then goes on', async () => {
    const { store, fake } = player();
    await store.getState().open('op-de-markt');
    store.getState().reached(4.2, 4.33);
    expect(await store.getState().submit(0, 4.33)).toBe(true);
    expect(fake.requests.at(-1)?.body).toEqual({ questionId: 'q1', answer: 0, positionSeconds: 4.33 });
    expect(store.getState().verdict).toEqual({ questionId: 'q1', correct: false, skipped: false, expected: 'Naar de markt' });
    expect(store.getState().marks['q1']).toEqual({ questionId: 'q1', correct: false, skipped: false, expected: 'Naar de markt' });
    store.getState().proceed();
    expect(store.getState()).toMatchObject({ asking: null, verdict: null });
  });

  it('skips a question as the API expects (a null answer) and goes on at once', async () => {
    const { store, fake } = player();
    await store.getState().open('op-de-markt');
    store.getState().reached(13.4, 13.6);
    expect(await store.getState().skip(13.6)).toBe(true);
    expect(fake.requests.at(-1)?.body).toEqual({ questionId: 'q3', answer: null, positionSeconds: 13.6 });
    expect(store.getState()).toMatchObject({ asking: null, verdict: null });
    expect(store.getState().marks['q3']).toMatchObject({ skipped: true, correct: null });
  });

  it('keeps the question open and explains when an answer is refused', async () => {
    const { store, fake } = player();
    fake.on('POST', `${VIDEO}/answers`, () => json(422, { statusCode: 422, code: 'INVALID_ANSWER', message: 'a text' }));
    await store.getState().open('op-de-markt');
    store.getState().reached(10, 10.3);
    expect(await store.getState().submit('twee', 10.3)).toBe(false);
    expect(store.getState()).toMatchObject({ asking: { id: 'q2' }, verdict: null, submitting: false });
    expect(store.getState().problem?.code).toBe('INVALID_ANSWER');
  });

  it('renews expired media URLs and keeps what happened in this visit', async () => {
    let now = Date.parse('2026-01-05T10:00:00.000Z');
    const { store, serve } = player(videoView(), () => now);
    await store.getState().open('op-de-markt');
    store.getState().reached(4.2, 4.33);
    await store.getState().submit(1, 4.33);
    store.getState().proceed();
    expect(store.getState().urlsExpired()).toBe(false);
    now = Date.parse('2026-01-05T10:09:50.000Z');
    expect(store.getState().urlsExpired()).toBe(true);

    serve(videoView({ streamUrl: 'http://s3.test/fresh.mp4', urlsExpireAt: '2026-01-05T10:20:00.000Z', answers: [] }));
    expect(await store.getState().renewUrls()).toBe(true);
    expect(store.getState().video).toMatchObject({ streamUrl: 'http://s3.test/fresh.mp4', urlsExpireAt: '2026-01-05T10:20:00.000Z' });
    expect(store.getState().marks['q1']).toMatchObject({ correct: true });
    expect(store.getState().urlsExpired()).toBe(false);
  });

  it('reports the position within the video, and skips a report that would change nothing', async () => {
    const { store, fake } = player();
    await store.getState().open('op-de-markt');
    expect(await store.getState().reportPosition('op-de-markt', 4.333, 4)).toBe(true);
    expect(await store.getState().reportPosition('op-de-markt', 4.4, 0)).toBe(true);
    // The media's own length can pass the one the API knows by a frame.
    expect(await store.getState().reportPosition('op-de-markt', 18.76, 14, { keepalive: true })).toBe(true);
    expect(fake.requests.filter((request) => request.method === 'PUT').map((request) => request.body)).toEqual([
      { positionSeconds: 4.33, watchedSeconds: 4 },
      { positionSeconds: 18.72, watchedSeconds: 14 },
    ]);
    expect(store.getState().video?.position?.positionSeconds).toBe(18.72);
  });

  it('says a report failed, so its seconds go into the next one', async () => {
    const { store, fake } = player();
    fake.on('PUT', `${VIDEO}/position`, () => json(503, { statusCode: 503, code: 'UNAVAILABLE', message: 'later' }));
    await store.getState().open('op-de-markt');
    expect(await store.getState().reportPosition('op-de-markt', 3, 3)).toBe(false);
  });

  it('explains a video that does not exist', async () => {
    const { store, fake } = player();
    fake.on('GET', VIDEO, () => json(404, { statusCode: 404, code: 'VIDEO_NOT_FOUND', message: 'no such video' }));
    await store.getState().open('op-de-markt');
    expect(store.getState()).toMatchObject({ video: null, loading: false });
    expect(store.getState().problem?.status).toBe(404);
  });
});
