import { Command } from '@nestjs/cqrs';
import type { RemoteCallRequest, RemoteCallResult } from '@tall/platform/call-contracts';
import type { ArchiveDictionaryEntry } from '@tall/vocabulary/contracts';

export type ArchiveDictionaryEntryInput = RemoteCallRequest<typeof ArchiveDictionaryEntry>;
export type ArchiveDictionaryEntryResult = RemoteCallResult<typeof ArchiveDictionaryEntry>;

/** An admin archived a topic or word (`vocabulary.archiveDictionaryEntry`). */
export class ArchiveDictionaryEntryCommand extends Command<ArchiveDictionaryEntryResult> {
  constructor(readonly entry: ArchiveDictionaryEntryInput) {
    super();
  }
}
