import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DictionaryTopicContent, DictionaryWordContent } from '@tall/vocabulary/contracts';
import { VOCABULARY_CLOCK, type ThematicClock } from '../../thematic/thematic-settings';
import { DICTIONARY_CHANGES, DICTIONARY_CONTENT_STORE, type DictionaryChanges, type DictionaryContentStore, type StoredEntry } from '../dictionary-content-store.port';
import { sameLemma, topicOfContent, wordOfContent } from '../dictionary-content-shape';
import { PublishDictionaryEntryCommand, type PublishDictionaryEntryResult } from './publish-dictionary-entry.command';

/** A conditional write lost to a concurrent call this many times in a row: something is wrong. */
const MAX_ATTEMPTS = 5;

type Attempt = PublishDictionaryEntryResult | 'again';

/**
 * Creates or replaces a topic or word with an admin's published version, under the id the admin
 * context gives (a seed entry's hash, or a new entry's UUID: never derived from the content).
 * A version is applied once: the same one again changes nothing, an older one is `STALE_VERSION`.
 * A new word goes to the end of its topic; an edited one keeps its place unless it moves to
 * another topic (then to the end there). The write marks the entry edited (seed loads leave it
 * alone) and live, and the in-memory dictionary of this process is refreshed at once.
 *
 * Checks read first (the topic exists, the slug or the lemma is free); the write itself is
 * conditioned on the stored version being older, so a concurrent call that got there first makes
 * this one read again and answer from what is stored. The slug is also held by a unique index; a
 * (lemma, pos) published twice at the very same moment on two new words is not.
 */
@CommandHandler(PublishDictionaryEntryCommand)
export class PublishDictionaryEntryHandler implements ICommandHandler<PublishDictionaryEntryCommand> {
  constructor(
    @Inject(DICTIONARY_CONTENT_STORE) private readonly store: DictionaryContentStore,
    @Inject(DICTIONARY_CHANGES) private readonly changes: DictionaryChanges,
    @Inject(VOCABULARY_CLOCK) private readonly clock: ThematicClock,
  ) {}

  async execute({ entry }: PublishDictionaryEntryCommand): Promise<PublishDictionaryEntryResult> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const result = entry.kind === 'topics' ? await this.publishTopic(entry.id, entry.version, entry.content) : await this.publishWord(entry.id, entry.version, entry.content);
      if (result === 'again') continue;
      if (result.applied) this.changes.changed();
      return result;
    }
    throw new Error(`Dictionary ${entry.kind} ${entry.id} kept changing under concurrent publications`);
  }

  private async publishTopic(id: string, version: number, content: DictionaryTopicContent): Promise<Attempt> {
    const current = await this.store.topic(id);
    const settled = alreadyAt(current, version);
    if (settled) return settled;
    const owner = await this.store.topicIdWithSlug(content.slug);
    if (owner !== null && owner !== id) return refused('DUPLICATE');
    const written = await this.store.putTopic(topicOfContent(id, content), version, current !== null, this.clock());
    return written === 'applied' ? APPLIED : written === 'duplicate' ? refused('DUPLICATE') : 'again';
  }

  private async publishWord(id: string, version: number, content: DictionaryWordContent): Promise<Attempt> {
    const current = await this.store.word(id);
    const settled = alreadyAt(current, version);
    if (settled) return settled;
    if (!(await this.store.topic(content.topicId))) return refused('TOPIC_NOT_FOUND');
    const others = (await this.store.wordsIn(content.topicId)).filter((word) => word.id !== id);
    if (others.some((word) => sameLemma(word, content))) return refused('DUPLICATE');
    const stays = current !== null && current.value.topicId === content.topicId;
    const order = stays ? current.value.order : Math.max(0, ...others.map((word) => word.order)) + 1;
    const written = await this.store.putWord(wordOfContent(id, order, content), version, current !== null, this.clock());
    return written === 'applied' ? APPLIED : 'again';
  }
}

const APPLIED: PublishDictionaryEntryResult = { applied: true, problem: null };

function refused(problem: NonNullable<PublishDictionaryEntryResult['problem']>): PublishDictionaryEntryResult {
  return { applied: false, problem };
}

/** The answer when the stored entry already has this version (nothing to do) or a newer one (stale). */
function alreadyAt(current: StoredEntry<unknown> | null, version: number): PublishDictionaryEntryResult | null {
  if (!current || current.version < version) return null;
  return current.version === version ? { applied: false, problem: null } : refused('STALE_VERSION');
}
