import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AdminVideo } from '@tall/listening/contracts';
import { checkVideoDefinition, VideoDefinitionError } from '@tall/listening/domain';
import { ListeningError } from '../../listening-error';
import { LISTENING_CLOCK, type ListeningClock } from '../../ports/listening-settings.port';
import { adminVideoOf } from '../admin-views';
import { VideoChanges } from '../video-changes';
import { SaveVideoCommand } from './save-video.command';

/** A new video is listed once its media are in place (see the upload use cases). */
@CommandHandler(SaveVideoCommand)
export class SaveVideoHandler implements ICommandHandler<SaveVideoCommand> {
  constructor(
    @Inject(VideoChanges) private readonly changes: VideoChanges,
    @Inject(LISTENING_CLOCK) private readonly clock: ListeningClock,
  ) {}

  async execute({ videoId, definition }: SaveVideoCommand): Promise<AdminVideo> {
    try {
      checkVideoDefinition(definition);
    } catch (error) {
      if (error instanceof VideoDefinitionError) throw new ListeningError('INVALID_VIDEO', error.message);
      throw error;
    }
    const at = this.clock();
    const saved = await this.changes.apply(videoId, (video) => ({
      id: videoId,
      ...definition,
      media: video?.media ?? { video: null, poster: null, subtitles: {} },
      uploads: video?.uploads ?? [],
      createdAt: video?.createdAt ?? at,
      updatedAt: at,
      revision: video?.revision ?? 0,
    }));
    return adminVideoOf(saved);
  }
}
