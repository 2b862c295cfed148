import type { Video, VideoQuestion } from '@tall/listening/domain';
import { ActiveDevices } from '../lib/devices/active-devices';
import { VideoChanges } from '../lib/media/video-changes';
import type { ListeningSettings } from '../lib/ports/listening-settings.port';
import { MediaLinks } from '../lib/videos/media-links';
import { ReadyVideos } from '../lib/videos/ready-videos';
import { MemoryContentKeyVault, MemoryMediaStorage, MemoryStudentListeningStore, MemoryVideoStore, TestClock } from './memory-listening-stores';

/** Students: the events' schemas want UUIDs. */
export const ANNA = '0b6f1c7e-5a2d-4e8f-9b3c-1d2e3f4a5b6c';
export const BORIS = '1c7a2d8f-6b3e-4f9a-8c4d-2e3f4a5b6c7d';

export const QUESTIONS: VideoQuestion[] = [
  { id: 'q1', kind: 'multipleChoice', atSeconds: 5.5, prompt: 'Waar is Sanne?', options: ['Thuis', 'Op de markt', 'Op school'], answer: 1 },
  { id: 'q2', kind: 'trueFalse', atSeconds: 11, prompt: 'Sanne koopt vis.', answer: false },
  { id: 'q3', kind: 'shortAnswer', atSeconds: 17, prompt: 'Wat koopt Sanne?', answers: ['appels', 'drie appels'] },
];

const CREATED = new Date('2026-03-02T08:00:00Z');
const object = (key: string, contentType: string) => ({ key, contentType, sizeBytes: 1_000, uploadedAt: CREATED });

/** A video with its media in place; override what the test is about. */
export function readyVideo(fields: Partial<Video> & Pick<Video, 'id'>): Video {
  const prefix = `listening/videos/${fields.id}`;
  return {
    title: `Video ${fields.id}`,
    level: 'A1',
    topic: 'shopping',
    durationSeconds: 20,
    questions: QUESTIONS,
    media: {
      video: object(`${prefix}/video.mp4`, 'video/mp4'),
      poster: object(`${prefix}/poster.jpg`, 'image/jpeg'),
      subtitles: { en: object(`${prefix}/subtitles-en.vtt`, 'text/vtt'), nl: object(`${prefix}/subtitles-nl.vtt`, 'text/vtt') },
    },
    uploads: [],
    createdAt: CREATED,
    updatedAt: CREATED,
    revision: 1,
    ...fields,
  };
}

/** A video described but without its media yet. */
export function videoWithoutMedia(fields: Partial<Video> & Pick<Video, 'id'>): Video {
  return readyVideo({ media: { video: null, poster: null, subtitles: {} }, ...fields });
}

export const SETTINGS: ListeningSettings = { urlTtlSeconds: 600, uploadTtlSeconds: 900 };

/** Everything a listening handler needs, in memory, wired as the module wires it. */
export function listeningFixture(now = new Date('2026-03-10T09:00:00Z'), settings: ListeningSettings = SETTINGS) {
  const clock = new TestClock(now);
  const videos = new MemoryVideoStore();
  const students = new MemoryStudentListeningStore();
  const storage = new MemoryMediaStorage(clock.read);
  const vault = new MemoryContentKeyVault();
  return {
    clock,
    videos,
    students,
    storage,
    vault,
    settings,
    ready: new ReadyVideos(videos),
    links: new MediaLinks(storage, settings),
    devices: new ActiveDevices(students),
    changes: new VideoChanges(videos),
  };
}

export type ListeningFixture = ReturnType<typeof listeningFixture>;

/** What a promise was refused with (null when it was not). */
export const refusalOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );
