import { Command } from '@nestjs/cqrs';
import type { AdminVideo } from '@tall/listening/contracts';

/** The file of an upload was PUT to storage: check it there and put it in place. */
export class CompleteUploadCommand extends Command<AdminVideo> {
  constructor(
    readonly videoId: string,
    readonly uploadId: string,
  ) {
    super();
  }
}
