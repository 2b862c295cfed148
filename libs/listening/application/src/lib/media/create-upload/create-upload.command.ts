import { Command } from '@nestjs/cqrs';
import type { CreateUploadBody, UploadTicket } from '@tall/listening/contracts';

/** An admin (or the seed) will upload a video's film, poster or subtitles: a pre-signed PUT straight to storage. */
export class CreateUploadCommand extends Command<UploadTicket> {
  constructor(
    readonly videoId: string,
    readonly upload: CreateUploadBody,
  ) {
    super();
  }
}
