import { Inject, Injectable } from '@nestjs/common';
import { ContentTopics, ContentUpdated } from '@tall/admin/contracts';
import { isEvent, type EventEnvelope } from '@tall/platform/event-contracts';
import type { EventHandler } from '@tall/platform/events';
import { CachedDictionaryStore } from './cached-dictionary.store';

/** The kinds of content this context owns and serves. */
const DICTIONARY_KINDS: ReadonlySet<string> = new Set(['topics', 'words']);

/**
 * `content.updated` for a topic or word: an admin's change, already written to the dictionary by
 * the process that took the call, which refreshed its own in-memory dictionary then. Every other
 * process hosting vocabulary reads it again now instead of within the cache's 30 s. Refreshing
 * twice is harmless, so no inbox is kept.
 */
@Injectable()
export class DictionaryContentUpdatedHandler implements EventHandler {
  readonly name = 'vocabulary.refreshDictionaryOnContentUpdated';
  readonly topics = [ContentTopics.events];
  readonly types = [ContentUpdated.type];

  constructor(@Inject(CachedDictionaryStore) private readonly dictionary: CachedDictionaryStore) {}

  async handle(envelope: EventEnvelope): Promise<void> {
    if (!isEvent(ContentUpdated, envelope)) return;
    const { kind } = ContentUpdated.schema.parse(envelope.payload);
    if (DICTIONARY_KINDS.has(kind)) await this.dictionary.refresh();
  }
}
