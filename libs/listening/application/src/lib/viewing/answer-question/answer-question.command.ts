import { Command } from '@nestjs/cqrs';
import type { VideoAnswerBody, VideoAnswerResult } from '@tall/listening/contracts';

/** The student answered (or skipped: answer null) a timed question; the server grades it and publishes `video.answered`. */
export class AnswerQuestionCommand extends Command<VideoAnswerResult> {
  constructor(
    readonly userId: string,
    readonly videoId: string,
    readonly body: VideoAnswerBody,
  ) {
    super();
  }
}
