import { Query } from '@nestjs/cqrs';
import type { VideoView } from '@tall/listening/contracts';

/** A video to play: pre-signed URLs of its media, its questions without answers, the student's position and answers. */
export class GetVideoQuery extends Query<VideoView> {
  constructor(
    readonly userId: string,
    readonly videoId: string,
  ) {
    super();
  }
}
