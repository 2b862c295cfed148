import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { createTallApi } from '@tall/client/api';
import { FakeApi, json } from '@tall/client/api/testing';
import { createListeningApi, createPlayerStore, type VideoView } from '@tall/client/listening/data-access';
import { videoView } from '@tall/client/listening/data-access/testing';
import { createStore } from 'zustand/vanilla';
import en from '../../i18n/en.json';
import { LOBBY_STORE, TALL_API } from '../core/tall-client';
import { PLAYER_STORE } from './listen.routes';
import { PlayerPage } from './player.page';
import { TopicNames } from './topic-names';

const VIDEO = '/api/v1/listening/videos/op-de-markt';
const EXPECTED: Record<string, string | boolean> = { q1: 'Naar de markt', q2: 'twee euro', q3: false };

/**
 * jsdom has a <video> that plays nothing: this one keeps its time, plays and pauses with the events
 * a browser sends, and has text tracks with modes.
 */
function fakeMedia(media: HTMLVideoElement) {
  const state = { time: 0, paused: true, ended: false, loads: 0, plays: 0 };
  const fire = (type: string) => media.dispatchEvent(new Event(type));
  const tracks = [...media.querySelectorAll('track')].map((track) => ({ language: track.getAttribute('srclang') ?? '', mode: 'disabled' as TextTrackMode }));
  Object.defineProperties(media, {
    paused: { get: () => state.paused, configurable: true },
    ended: { get: () => state.ended, configurable: true },
    duration: { get: () => 18.72, configurable: true },
    textTracks: { get: () => tracks, configurable: true },
    currentTime: {
      get: () => state.time,
      set: (value: number) => {
        state.time = value;
        queueMicrotask(() => fire('seeked'));
      },
      configurable: true,
    },
    play: {
      value: () => {
        state.plays++;
        state.ended = false;
        state.paused = false;
        fire('play');
        if (!state.paused) fire('playing');
        return Promise.resolve();
      },
    },
    pause: {
      value: () => {
        if (state.paused) return;
        state.paused = true;
        fire('pause');
      },
    },
    load: { value: () => state.loads++ },
  });
  return {
    state,
    tracks,
    fire,
    /** Plays on to this time, as the browser tells it (a `timeupdate`). */
    playTo(seconds: number) {
      state.time = seconds;
      fire('timeupdate');
    },
    end() {
      state.time = 18.72;
      state.paused = true;
      state.ended = true;
      fire('pause');
      fire('ended');
    },
  };
}

async function render(video: VideoView = videoView(), now: () => number = () => Date.parse('2026-01-05T10:00:00.000Z')) {
  const served = { video };
  const fake = new FakeApi()
    .on('GET', VIDEO, () => json(200, served.video))
    .on('POST', `${VIDEO}/answers`, (_request, body) => {
      const { questionId, answer } = body as { questionId: string; answer: unknown };
      const skipped = answer === null;
      const correct = skipped ? null : questionId === 'q1' ? answer === 1 : questionId === 'q3' ? answer === false : answer === 'twee euro';
      return json(200, { questionId, correct, skipped, expected: EXPECTED[questionId] });
    })
    .on('PUT', `${VIDEO}/position`, (_request, body) => json(200, { ...(body as object), completed: false, updatedAt: '2026-01-05T10:00:00.000Z' }))
    .on('GET', '/api/v1/vocabulary/topics', () => json(200, []));
  const api = createTallApi('http://tall.test', fake.fetch);
  const remembered: Array<[string, string]> = [];
  await TestBed.configureTestingModule({
    imports: [PlayerPage, TranslocoTestingModule.forRoot({ langs: { en }, translocoConfig: { availableLangs: ['en'], defaultLang: 'en' }, preloadLangs: true })],
    providers: [
      provideRouter([]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: TALL_API, useValue: api },
      // The URLs of the fixture expire at 10:10; the page lives at 10:00 unless told otherwise.
      { provide: PLAYER_STORE, useValue: createPlayerStore(createListeningApi(api), now) },
      { provide: LOBBY_STORE, useValue: createStore(() => ({ remember: async (product: string, location: string) => void remembered.push([product, location]) })) },
      TopicNames,
    ],
  }).compileComponents();
  const fixture = TestBed.createComponent(PlayerPage);
  fixture.componentRef.setInput('id', 'op-de-markt');
  await settle(fixture);
  const element = fixture.nativeElement as HTMLElement;
  const media = fakeMedia(element.querySelector('video') as HTMLVideoElement);
  media.fire('loadedmetadata');
  await settle(fixture);
  return { fixture, element, fake, media, remembered, served };
}

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    await fixture.whenStable();
    fixture.detectChanges();
  }
}

const byTestId = (element: HTMLElement, testId: string) => element.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
const press = (element: HTMLElement, key: string) => element.querySelector('video')?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
const positions = (fake: FakeApi) => fake.requests.filter((request) => request.method === 'PUT').map((request) => request.body as { positionSeconds: number });
const answers = (fake: FakeApi) => fake.requests.filter((request) => request.method === 'POST').map((request) => request.body);

describe('PlayerPage', () => {
  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((container) => (container.innerHTML = '')));

  it('shows the video from its pre-signed URL with Dutch subtitles and the translation, and tells the lobby', async () => {
    const { element, media, remembered } = await render();
    const video = element.querySelector('video') as HTMLVideoElement;
    expect(video.getAttribute('src')).toBe(videoView().streamUrl);
    expect(video.getAttribute('poster')).toBe(videoView().posterUrl);
    expect(video.getAttribute('crossorigin')).toBe('anonymous');
    expect(video.getAttribute('aria-label')).toBe('Video: Op de markt');
    const tracks = [...video.querySelectorAll('track')];
    expect(tracks.map((track) => [track.getAttribute('srclang'), track.getAttribute('label'), track.hasAttribute('default')])).toEqual([
      ['nl', 'Dutch', true],
      ['en', 'English', false],
    ]);
    expect(tracks[0].getAttribute('src')).toBe(videoView().subtitles[0].url);
    expect(media.tracks.map((track) => track.mode)).toEqual(['showing', 'disabled']);
    expect(byTestId(element, 'player-title')?.textContent).toBe('Op de markt');
    expect(byTestId(element, 'player-questions-done')?.textContent).toContain('0 of 3 questions done');
    expect(remembered).toEqual([['listening', '/listen/videos/op-de-markt']]);
  });

  it('stops at a question, asks it in a panel that takes the focus, and shows the server’s verdict before going on', async () => {
    const { fixture, element, media, fake } = await render();
    press(element, 'k');
    expect(media.state.paused).toBe(false);
    media.playTo(4.1);
    media.playTo(4.4);
    await settle(fixture);

    expect(media.state.paused).toBe(true);
    const panel = byTestId(element, 'player-question') as HTMLElement;
    expect(panel.dataset['questionId']).toBe('q1');
    expect(panel.getAttribute('role')).toBe('region');
    expect(panel.textContent).toContain('Question 1 of 3');
    expect(byTestId(element, 'question-prompt')?.textContent).toBe('Waar gaat Sanne naartoe?');
    expect(panel.contains(document.activeElement)).toBe(true);
    // The position goes to the API when the video pauses for the question.
    expect(positions(fake).at(-1)?.positionSeconds).toBe(4.4);
    // Playing on is not possible while the question waits.
    media.fire('play');
    expect(media.state.paused).toBe(true);

    expect((byTestId(element, 'question-submit') as HTMLButtonElement).disabled).toBe(true);
    const options = [...element.querySelectorAll<HTMLElement>('[data-testid="question-option"] input')];
    expect(options).toHaveLength(3);
    options[1].click();
    await settle(fixture);
    byTestId(element, 'question-submit')?.click();
    await settle(fixture);
    expect(answers(fake)).toEqual([{ questionId: 'q1', answer: 1, positionSeconds: 4.4 }]);
    const verdict = byTestId(element, 'question-verdict') as HTMLElement;
    expect(verdict.dataset['correct']).toBe('true');
    expect(verdict.textContent).toContain('Correct!');
    expect(byTestId(element, 'question-expected')?.textContent).toBe('Naar de markt');
    expect(document.activeElement).toBe(byTestId(element, 'question-continue'));

    byTestId(element, 'question-continue')?.click();
    await settle(fixture);
    expect(byTestId(element, 'player-question')).toBeNull();
    expect(media.state.paused).toBe(false);
    expect(byTestId(element, 'player-questions-done')?.textContent).toContain('1 of 3 questions done');
    // Answered: not asked again when the student goes back over it.
    media.state.time = 2;
    media.fire('seeked');
    media.playTo(4.5);
    await settle(fixture);
    expect(byTestId(element, 'player-question')).toBeNull();
  });

  it('answers in words and true or false, shows the expected answer when wrong, and skips as the API expects', async () => {
    const { fixture, element, media, fake } = await render(videoView({ answers: [{ questionId: 'q1', correct: true, skipped: false, at: '2026-01-04T10:00:00.000Z' }] }));
    press(element, ' ');
    media.playTo(4.4);
    await settle(fixture);
    // Answered on an earlier visit: not asked again.
    expect(byTestId(element, 'player-question')).toBeNull();

    media.playTo(10.0);
    media.playTo(10.3);
    await settle(fixture);
    const input = byTestId(element, 'question-short-answer') as HTMLInputElement;
    input.value = ' drie euro ';
    input.dispatchEvent(new Event('input'));
    await settle(fixture);
    byTestId(element, 'question-submit')?.click();
    await settle(fixture);
    expect(byTestId(element, 'question-verdict')?.dataset['correct']).toBe('false');
    expect(byTestId(element, 'question-verdict')?.textContent).toContain('Not quite.');
    expect(byTestId(element, 'question-expected')?.textContent).toBe('twee euro');
    byTestId(element, 'question-continue')?.click();
    await settle(fixture);

    media.playTo(13.3);
    media.playTo(13.6);
    await settle(fixture);
    expect(byTestId(element, 'player-question')?.dataset['kind']).toBe('trueFalse');
    expect(byTestId(element, 'question-true')?.textContent).toContain('True');
    byTestId(element, 'question-skip')?.click();
    await settle(fixture);
    expect(byTestId(element, 'player-question')).toBeNull();
    expect(media.state.paused).toBe(false);
    expect(answers(fake)).toEqual([
      { questionId: 'q2', answer: 'drie euro', positionSeconds: 10.3 },
      { questionId: 'q3', answer: null, positionSeconds: 13.6 },
    ]);

    media.end();
    await settle(fixture);
    const summary = byTestId(element, 'player-summary') as HTMLElement;
    expect(byTestId(summary, 'summary-answered')?.textContent).toBe('2');
    expect(byTestId(summary, 'summary-correct')?.textContent).toBe('1');
    expect(byTestId(summary, 'summary-skipped')?.textContent).toBe('1');
    expect(document.activeElement).toBe(summary);
    expect(positions(fake).at(-1)?.positionSeconds).toBe(18.72);
  });

  it('stops a seek forward at the question it would jump', async () => {
    const { fixture, element, media } = await render();
    press(element, 'k');
    media.playTo(1);
    press(element, 'ArrowRight');
    press(element, 'ArrowRight');
    await settle(fixture);
    expect(byTestId(element, 'player-question')?.dataset['questionId']).toBe('q1');
    expect(media.state.time).toBe(4.32);
    expect(media.state.paused).toBe(true);
  });

  it('resumes at the saved position, asking a question the student left unanswered there', async () => {
    const position = { positionSeconds: 4.4, watchedSeconds: 4, completed: false, updatedAt: '2026-01-04T10:00:00.000Z' };
    const { fixture, element, media } = await render(videoView({ position }));
    expect(media.state.time).toBe(4.4);
    expect(byTestId(element, 'player-question')).toBeNull();
    press(element, 'k');
    media.playTo(4.45);
    await settle(fixture);
    expect(byTestId(element, 'player-question')?.dataset['questionId']).toBe('q1');
  });

  it('fetches new URLs when the media fail after they expired, and goes on where it was', async () => {
    const { fixture, element, media, fake, served } = await render();
    press(element, 'k');
    media.playTo(3);
    served.video = videoView({ streamUrl: 'http://s3.test/fresh.mp4', urlsExpireAt: '2026-01-05T10:20:00.000Z' });
    Object.defineProperty(element.querySelector('video'), 'error', { value: { code: 2 }, configurable: true });
    media.state.paused = true;
    media.fire('error');
    await settle(fixture);
    expect(fake.calls('GET', VIDEO)).toBe(2);
    expect(element.querySelector('video')?.getAttribute('src')).toBe('http://s3.test/fresh.mp4');
    expect(media.state.loads).toBe(1);
    media.state.time = 0;
    media.fire('loadedmetadata');
    await settle(fixture);
    expect(media.state.time).toBe(3);
    expect(media.state.paused).toBe(false);
    expect(byTestId(element, 'player-media-failed')).toBeNull();
  });

  it('fetches new URLs before playing on after a pause that outlived them', async () => {
    let now = Date.parse('2026-01-05T10:00:00.000Z');
    const { fixture, element, media, fake, served } = await render(videoView(), () => now);
    press(element, 'k');
    media.playTo(3);
    press(element, 'k');
    now = Date.parse('2026-01-05T10:30:00.000Z');
    served.video = videoView({ streamUrl: 'http://s3.test/fresh.mp4', urlsExpireAt: '2026-01-05T10:40:00.000Z' });
    press(element, 'k');
    await settle(fixture);
    expect(media.state.paused).toBe(true);
    expect(fake.calls('GET', VIDEO)).toBe(2);
    expect(element.querySelector('video')?.getAttribute('src')).toBe('http://s3.test/fresh.mp4');
    media.state.time = 0;
    media.fire('loadedmetadata');
    await settle(fixture);
    expect(media.state.time).toBe(3);
    expect(media.state.paused).toBe(false);
  });

  it('reports where the student is once more, with keepalive, on leaving', async () => {
    const { fixture, element, media, fake } = await render();
    const keepalive: boolean[] = [];
    fake.on('PUT', `${VIDEO}/position`, (request, body) => {
      keepalive.push(request.keepalive);
      return json(200, { ...(body as object), completed: false, updatedAt: '2026-01-05T10:00:00.000Z' });
    });
    press(element, 'k');
    media.playTo(2.5);
    fixture.destroy();
    await vi.waitFor(() => expect(positions(fake).at(-1)?.positionSeconds).toBe(2.5));
    expect(keepalive.at(-1)).toBe(true);
  });

  it('says so when the media fail again right after new URLs', async () => {
    const { fixture, element, media } = await render();
    Object.defineProperty(element.querySelector('video'), 'error', { value: { code: 4 }, configurable: true });
    media.fire('error');
    await settle(fixture);
    media.fire('error');
    await settle(fixture);
    expect(byTestId(element, 'player-media-failed')?.textContent).toContain('cannot be played');
  });

  it('changes the subtitles with the buttons and with C', async () => {
    const { fixture, element, media } = await render();
    press(element, 'c');
    await settle(fixture);
    expect(media.tracks.map((track) => track.mode)).toEqual(['disabled', 'showing']);
    press(element, 'c');
    await settle(fixture);
    expect(media.tracks.map((track) => track.mode)).toEqual(['disabled', 'disabled']);
    [...element.querySelectorAll<HTMLElement>('[data-testid="player-subtitles"] button')].find((button) => button.textContent?.includes('Dutch'))?.click();
    await settle(fixture);
    expect(media.tracks.map((track) => track.mode)).toEqual(['showing', 'disabled']);
  });

  it('explains a video that does not exist', async () => {
    const fake = new FakeApi().on('GET', VIDEO, () => json(404, { statusCode: 404, code: 'VIDEO_NOT_FOUND', message: 'There is no video op-de-markt' }));
    const api = createTallApi('http://tall.test', fake.fetch);
    await TestBed.configureTestingModule({
      imports: [PlayerPage, TranslocoTestingModule.forRoot({ langs: { en }, translocoConfig: { availableLangs: ['en'], defaultLang: 'en' }, preloadLangs: true })],
      providers: [
        provideRouter([]),
        { provide: TALL_API, useValue: api },
        { provide: PLAYER_STORE, useValue: createPlayerStore(createListeningApi(api)) },
        { provide: LOBBY_STORE, useValue: createStore(() => ({ remember: async () => undefined })) },
        TopicNames,
      ],
    }).compileComponents();
    const fixture = TestBed.createComponent(PlayerPage);
    fixture.componentRef.setInput('id', 'op-de-markt');
    await settle(fixture);
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('video')).toBeNull();
    expect(element.textContent).toContain('There is no video op-de-markt');
    expect(element.textContent).toContain('Back to the videos');
  });
});
