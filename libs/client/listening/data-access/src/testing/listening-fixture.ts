// Videos for the listening tests of the library and the web client's pages.
import type { VideoSummary, VideoView } from '../lib/listening-types';

const MEDIA = 'http://s3.test/tall-media/listening/videos';

/** "Op de markt": 18.7 s, a question of each kind (multiple choice at 4.3 s, short answer at 10.2 s, true/false at 13.5 s). */
export function videoView(overrides: Partial<VideoView> = {}): VideoView {
  const id = overrides.id ?? 'op-de-markt';
  return {
    id,
    title: 'Op de markt',
    level: 'A1',
    topic: 'shopping',
    durationSeconds: 18.72,
    streamUrl: `${MEDIA}/${id}/video-1.mp4?X-Amz-Expires=600`,
    posterUrl: `${MEDIA}/${id}/poster-1.jpg?X-Amz-Expires=600`,
    subtitles: [
      { lang: 'nl', url: `${MEDIA}/${id}/subtitles-nl-1.vtt?X-Amz-Expires=600` },
      { lang: 'en', url: `${MEDIA}/${id}/subtitles-en-1.vtt?X-Amz-Expires=600` },
    ],
    questions: [
      { id: 'q1', atSeconds: 4.32, kind: 'multipleChoice', prompt: 'Waar gaat Sanne naartoe?', options: ['Naar school', 'Naar de markt', 'Naar het station'] },
      { id: 'q2', atSeconds: 10.2, kind: 'shortAnswer', prompt: 'Hoeveel kosten de appels samen?' },
      { id: 'q3', atSeconds: 13.5, kind: 'trueFalse', prompt: 'Sanne betaalt contant.' },
    ],
    position: null,
    answers: [],
    urlsExpireAt: '2026-01-05T10:10:00.000Z',
    ...overrides,
  };
}

export function videoSummary(id: string, overrides: Partial<VideoSummary> = {}): VideoSummary {
  const { streamUrl: _s, subtitles: _t, questions, answers: _a, urlsExpireAt: _u, ...fields } = videoView({ id });
  return { ...fields, questionCount: questions.length, ...overrides };
}
