import type { AdminVideo } from '@tall/listening/contracts';
import { isMediaReady, subtitleLanguages, type Video } from '@tall/listening/domain';

export function adminVideoOf(video: Video): AdminVideo {
  return {
    id: video.id,
    title: video.title,
    level: video.level,
    topic: video.topic,
    durationSeconds: video.durationSeconds,
    questions: video.questions,
    media: { video: video.media.video !== null, poster: video.media.poster !== null, subtitles: subtitleLanguages(video.media) },
    mediaReady: isMediaReady(video.media),
    updatedAt: video.updatedAt.toISOString(),
  };
}
