import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { VOCABULARY_CLOCK, type ThematicClock } from '../../thematic/thematic-settings';
import { DICTIONARY_CHANGES, DICTIONARY_CONTENT_STORE, type DictionaryChanges, type DictionaryContentStore } from '../dictionary-content-store.port';
import { ArchiveDictionaryEntryCommand, type ArchiveDictionaryEntryResult } from './archive-dictionary-entry.command';

const MAX_ATTEMPTS = 5;

/**
 * Archives a topic or word at an admin's version: it leaves topic lists, word lists, new sessions,
 * the reader's lexicon and level words, while cards that hold it keep being answered (the entry
 * stays stored). Applied once per version like a publication; marks the entry edited.
 */
@CommandHandler(ArchiveDictionaryEntryCommand)
export class ArchiveDictionaryEntryHandler implements ICommandHandler<ArchiveDictionaryEntryCommand> {
  constructor(
    @Inject(DICTIONARY_CONTENT_STORE) private readonly store: DictionaryContentStore,
    @Inject(DICTIONARY_CHANGES) private readonly changes: DictionaryChanges,
    @Inject(VOCABULARY_CLOCK) private readonly clock: ThematicClock,
  ) {}

  async execute({ entry: { kind, id, version } }: ArchiveDictionaryEntryCommand): Promise<ArchiveDictionaryEntryResult> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = kind === 'topics' ? await this.store.topic(id) : await this.store.word(id);
      if (!current) return { applied: false, problem: 'NOT_FOUND' };
      if (current.version === version) return { applied: false, problem: null };
      if (current.version > version) return { applied: false, problem: 'STALE_VERSION' };
      if ((await this.store.archive(kind, id, version, this.clock())) === 'applied') {
        this.changes.changed();
        return { applied: true, problem: null };
      }
    }
    throw new Error(`Dictionary ${kind} ${id} kept changing under concurrent archiving`);
  }
}
