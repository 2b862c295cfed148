import { Inject, Injectable } from '@nestjs/common';
import { isMediaReady, type Video } from '@tall/listening/domain';
import { listeningErrors } from '../listening-error';
import { VIDEO_STORE, type VideoStore } from '../ports/video-store.port';

/** The videos students may watch: those whose media are in place. Any other is "not found". */
@Injectable()
export class ReadyVideos {
  constructor(@Inject(VIDEO_STORE) private readonly videos: VideoStore) {}

  async get(id: string): Promise<Video> {
    const video = await this.videos.get(id);
    if (!video || !isMediaReady(video.media)) throw listeningErrors.videoNotFound();
    return video;
  }
}
