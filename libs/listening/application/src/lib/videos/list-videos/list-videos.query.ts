import { Query } from '@nestjs/cqrs';
import type { VideoList, VideoListQuery } from '@tall/listening/contracts';

/** The videos a student may watch, with where they are in each. */
export class ListVideosQuery extends Query<VideoList> {
  constructor(
    readonly userId: string,
    readonly filter: VideoListQuery,
  ) {
    super();
  }
}
