import { Command } from '@nestjs/cqrs';
import type { VideoPositionBody, ViewingPosition } from '@tall/listening/contracts';

/** Where the player is in a video, and the seconds watched since the last report. */
export class SaveVideoPositionCommand extends Command<ViewingPosition> {
  constructor(
    readonly userId: string,
    readonly videoId: string,
    readonly report: VideoPositionBody,
  ) {
    super();
  }
}
