import { Inject, Injectable } from '@nestjs/common';
import { subtitleLanguages, type MediaObject, type Video } from '@tall/listening/domain';
import { LISTENING_SETTINGS, type ListeningSettings } from '../ports/listening-settings.port';
import { MEDIA_STORAGE, type MediaStorage } from '../ports/media-storage.port';

export interface VideoLinks {
  streamUrl: string;
  posterUrl: string;
  subtitles: Array<{ lang: string; url: string }>;
  expiresAt: Date;
}

/** Pre-signed, short-lived GET URLs of a video's media: the only way a client reaches them. */
@Injectable()
export class MediaLinks {
  constructor(
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    @Inject(LISTENING_SETTINGS) private readonly settings: ListeningSettings,
  ) {}

  /** Of a ready video: its film, poster and subtitles. */
  async of(video: Video): Promise<VideoLinks> {
    const { video: film, poster, subtitles } = video.media;
    if (!film || !poster) throw new Error(`video ${video.id} has no media in place`);
    const [stream, posterUrl, ...subtitleUrls] = await Promise.all([
      this.url(film),
      this.url(poster),
      ...subtitleLanguages(video.media).map((lang) => this.url(subtitles[lang])),
    ]);
    const expiresAt = [stream, posterUrl, ...subtitleUrls].reduce((earliest, url) => (url.expiresAt < earliest ? url.expiresAt : earliest), stream.expiresAt);
    return {
      streamUrl: stream.url,
      posterUrl: posterUrl.url,
      subtitles: subtitleLanguages(video.media).map((lang, index) => ({ lang, url: subtitleUrls[index].url })),
      expiresAt,
    };
  }

  poster(video: Video) {
    if (!video.media.poster) throw new Error(`video ${video.id} has no poster`);
    return this.url(video.media.poster);
  }

  private url(object: MediaObject) {
    return this.storage.presignGet(object.key, this.settings.urlTtlSeconds);
  }
}
