import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { VideoList } from '@tall/listening/contracts';
import { LISTENING_CLOCK, LISTENING_SETTINGS, type ListeningClock, type ListeningSettings } from '../../ports/listening-settings.port';
import { STUDENT_LISTENING_STORE, type StudentListeningStore } from '../../ports/student-listening-store.port';
import { VIDEO_STORE, type VideoStore } from '../../ports/video-store.port';
import { positionOf } from '../../viewing/viewing-views';
import { MediaLinks } from '../media-links';
import { ListVideosQuery } from './list-videos.query';

/** Ready videos only (film, poster and Dutch subtitles in place), by level and title, each with a pre-signed poster. */
@QueryHandler(ListVideosQuery)
export class ListVideosHandler implements IQueryHandler<ListVideosQuery> {
  constructor(
    @Inject(VIDEO_STORE) private readonly videos: VideoStore,
    @Inject(STUDENT_LISTENING_STORE) private readonly students: StudentListeningStore,
    @Inject(MediaLinks) private readonly links: MediaLinks,
    @Inject(LISTENING_SETTINGS) private readonly settings: ListeningSettings,
    @Inject(LISTENING_CLOCK) private readonly clock: ListeningClock,
  ) {}

  async execute({ userId, filter }: ListVideosQuery): Promise<VideoList> {
    const expiresAt = new Date(this.clock().getTime() + this.settings.urlTtlSeconds * 1000);
    const [videos, viewings] = await Promise.all([this.videos.list({ ...filter, readyOnly: true }), this.students.viewingsOf(userId)]);
    const posters = await Promise.all(videos.map((video) => this.links.poster(video)));
    return {
      items: videos.map((video, index) => {
        const viewing = viewings.get(video.id);
        return {
          id: video.id,
          title: video.title,
          level: video.level,
          topic: video.topic,
          durationSeconds: video.durationSeconds,
          posterUrl: posters[index].url,
          questionCount: video.questions.length,
          position: viewing ? positionOf(viewing) : null,
        };
      }),
      urlsExpireAt: posters.reduce((earliest, poster) => (poster.expiresAt < earliest ? poster.expiresAt : earliest), expiresAt).toISOString(),
    };
  }
}
