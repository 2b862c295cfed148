import { Command } from '@nestjs/cqrs';
import type { RemoteCallRequest, RemoteCallResult } from '@tall/platform/call-contracts';
import type { PublishDictionaryEntry } from '@tall/vocabulary/contracts';

export type PublishDictionaryEntryInput = RemoteCallRequest<typeof PublishDictionaryEntry>;
export type PublishDictionaryEntryResult = RemoteCallResult<typeof PublishDictionaryEntry>;

/** An admin's published version of a topic or word (`vocabulary.publishDictionaryEntry`). */
export class PublishDictionaryEntryCommand extends Command<PublishDictionaryEntryResult> {
  constructor(readonly entry: PublishDictionaryEntryInput) {
    super();
  }
}
