import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { createTallApi } from '@tall/client/api';
import { FakeApi, json } from '@tall/client/api/testing';
import { createListeningApi, createVideoLibraryStore, type VideoSummary } from '@tall/client/listening/data-access';
import { videoSummary } from '@tall/client/listening/data-access/testing';
import en from '../../i18n/en.json';
import { TALL_API } from '../core/tall-client';
import { VIDEO_LIBRARY_STORE } from './listen.routes';
import { TopicNames } from './topic-names';
import { VideoLibraryPage } from './video-library.page';

const LIST = '/api/v1/listening/videos';

async function render(videos: VideoSummary[]) {
  const queries: Array<Record<string, string>> = [];
  const fake = new FakeApi()
    .on('GET', LIST, (request) => {
      const query = Object.fromEntries(new URL(request.url).searchParams);
      queries.push(query);
      const items = videos.filter((video) => (!query['level'] || video.level === query['level']) && (!query['topic'] || video.topic === query['topic']));
      return json(200, { items, urlsExpireAt: '2026-01-05T10:10:00.000Z' });
    })
    .on('GET', '/api/v1/vocabulary/topics', () =>
      json(200, [{ id: 't1', slug: 'shopping', level: 'A1', order: 1, title: { en: 'Shopping', nl: 'Winkelen' }, wordCount: 20, stats: null }]),
    );
  const api = createTallApi('http://tall.test', fake.fetch);
  await TestBed.configureTestingModule({
    imports: [VideoLibraryPage, TranslocoTestingModule.forRoot({ langs: { en }, translocoConfig: { availableLangs: ['en'], defaultLang: 'en' }, preloadLangs: true })],
    providers: [
      provideRouter([{ path: 'listen/videos/:id', children: [] }]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: TALL_API, useValue: api },
      { provide: VIDEO_LIBRARY_STORE, useValue: createVideoLibraryStore(createListeningApi(api)) },
      TopicNames,
    ],
  }).compileComponents();
  const fixture = TestBed.createComponent(VideoLibraryPage);
  await settle(fixture);
  return { fixture, element: fixture.nativeElement as HTMLElement, queries };
}

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    await fixture.whenStable();
    fixture.detectChanges();
  }
}

const cards = (element: HTMLElement) => [...element.querySelectorAll<HTMLElement>('[data-testid="video-card"]')];
const position = (positionSeconds: number, completed = false) => ({ positionSeconds, watchedSeconds: 10, completed, updatedAt: '2026-01-05T10:00:00.000Z' });

describe('VideoLibraryPage', () => {
  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((container) => (container.innerHTML = '')));

  const videos = [
    videoSummary('op-de-markt', { position: position(7.5) }),
    videoSummary('de-trein', { title: 'De trein naar Utrecht', level: 'A2', topic: 'transport', durationSeconds: 75, position: position(75, true) }),
    videoSummary('het-weer', { title: 'Het weer van morgen', level: 'A2', topic: 'weather-and-seasons', questionCount: 0 }),
  ];

  it('shows each video with its poster, level, topic, duration and questions, and what the student can do', async () => {
    const { element } = await render(videos);
    expect(cards(element).map((card) => card.dataset['videoId'])).toEqual(['op-de-markt', 'de-trein', 'het-weer']);
    const [started, watched, fresh] = cards(element);
    expect(started.querySelector('img')?.getAttribute('src')).toBe(videos[0].posterUrl);
    expect(started.querySelector('.title')?.textContent?.trim()).toBe('Op de markt');
    expect(started.textContent).toContain('A1');
    expect(started.textContent).toContain('Shopping');
    expect(started.querySelector('[data-testid="video-duration"]')?.textContent).toBe('0:18');
    expect(started.textContent).toContain('3 questions');
    expect(started.querySelector('[data-testid="video-continue"]')?.getAttribute('href')).toBe('/listen/videos/op-de-markt');
    expect(started.querySelector('[data-testid="video-continue"]')?.getAttribute('aria-label')).toBe('Continue watching Op de markt');
    expect(started.textContent).toContain('At 0:07');
    expect(started.querySelector('mat-progress-bar')?.getAttribute('aria-valuenow')).toBe('40');

    expect(watched.querySelector('[data-testid="video-watched-badge"]')).not.toBeNull();
    expect(watched.querySelector('[data-testid="video-continue"]')).toBeNull();
    expect(watched.querySelector('[data-testid="video-watch"]')?.textContent).toContain('Watch again');
    expect(watched.textContent).toContain('Transport');
    expect(watched.querySelector('[data-testid="video-duration"]')?.textContent).toBe('1:15');

    expect(fresh.querySelector('[data-testid="video-watch"]')?.getAttribute('aria-label')).toBe('Watch Het weer van morgen');
    expect(fresh.querySelector('mat-progress-bar')).toBeNull();
    expect(fresh.textContent).not.toContain('questions');
    expect(fresh.textContent).toContain('Weather and seasons');
    expect(element.querySelector('[data-testid="videos-count"]')?.textContent?.trim()).toBe('3 videos');
  });

  it('filters by level and by topic, and clears the filters', async () => {
    const { fixture, element, queries } = await render(videos);
    const choose = async (testId: string, option: string) => {
      element.querySelector<HTMLElement>(`[data-testid="${testId}"] .mat-mdc-select-trigger`)?.click();
      await settle(fixture);
      [...document.querySelectorAll<HTMLElement>('mat-option')].find((candidate) => candidate.textContent?.trim() === option)?.click();
      await settle(fixture);
    };
    await choose('videos-filter-level', 'A2');
    expect(queries.at(-1)).toEqual({ level: 'A2' });
    expect(cards(element).map((card) => card.dataset['videoId'])).toEqual(['de-trein', 'het-weer']);
    await choose('videos-filter-topic', 'Transport');
    expect(queries.at(-1)).toEqual({ level: 'A2', topic: 'transport' });
    expect(cards(element).map((card) => card.dataset['videoId'])).toEqual(['de-trein']);
    element.querySelector<HTMLButtonElement>('[data-testid="videos-clear-filters"]')?.click();
    await settle(fixture);
    expect(queries.at(-1)).toEqual({});
    expect(cards(element)).toHaveLength(3);
  });

  it('says when there are no videos', async () => {
    const { element } = await render([]);
    expect(element.textContent).toContain('No videos yet');
  });
});
