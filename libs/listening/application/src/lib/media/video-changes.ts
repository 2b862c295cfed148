import { Inject, Injectable } from '@nestjs/common';
import type { Video } from '@tall/listening/domain';
import { VIDEO_STORE, type VideoStore } from '../ports/video-store.port';

const ATTEMPTS = 5;

/** Read, change, write on the stored revision; another admin's write in between makes it read again. */
@Injectable()
export class VideoChanges {
  constructor(@Inject(VIDEO_STORE) private readonly videos: VideoStore) {}

  /** `change` gets the stored video (null: none) and returns the next one, or throws to refuse. */
  async apply(id: string, change: (video: Video | null) => Video | Promise<Video>): Promise<Video> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.videos.get(id);
      const next = await change(current);
      const saved = { ...next, revision: (current?.revision ?? 0) + 1 };
      if (await this.videos.save(saved, current?.revision ?? 0)) return saved;
      if (attempt >= ATTEMPTS) throw new Error(`video ${id} kept changing under ${ATTEMPTS} attempts`);
    }
  }
}
