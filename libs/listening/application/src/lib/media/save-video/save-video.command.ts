import { Command } from '@nestjs/cqrs';
import type { AdminVideo, VideoDefinitionBody } from '@tall/listening/contracts';

/** Creates a video or changes its description and questions; its media stay as they are. */
export class SaveVideoCommand extends Command<AdminVideo> {
  constructor(
    readonly videoId: string,
    readonly definition: VideoDefinitionBody,
  ) {
    super();
  }
}
