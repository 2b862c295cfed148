import { Inject, Injectable } from '@nestjs/common';
import { createEvent, type EventEnvelope } from '@tall/platform/event-contracts';
import { RequestContext } from '@tall/platform/observability';
import { ThematicTopicMastered, ThematicTopicProgressed } from '@tall/vocabulary/contracts';
import { DICTIONARY_STORE, type DictionaryStore } from '../dictionary/dictionary-store.port';
import { THEMATIC_SETTINGS, type ThematicSettings } from './thematic-settings';
import { THEMATIC_STORE, type ThematicStore, type TopicProgressRecord } from './thematic-store.port';

const MAX_ATTEMPTS = 10;

/**
 * Keeps a student's counts on a topic in step with their cards, and publishes
 * `thematic.topic.progressed` when they change and `thematic.topic.mastered` when the topic
 * crosses the mastery threshold upwards (again after falling below it). Idempotent: counts are
 * recomputed from the cards, and nothing is written when they did not change.
 */
@Injectable()
export class ThematicProgress {
  constructor(
    @Inject(THEMATIC_STORE) private readonly store: ThematicStore,
    @Inject(DICTIONARY_STORE) private readonly dictionary: DictionaryStore,
    @Inject(THEMATIC_SETTINGS) private readonly settings: ThematicSettings,
  ) {}

  async refresh(userId: string, topicId: string, now: Date): Promise<void> {
    const topic = await this.dictionary.topic(topicId);
    if (!topic) return;
    const wordCount = await this.dictionary.wordCount(topicId);
    const { policy } = this.settings;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      // Both read at once; a change in between makes the versioned write below fail and retry.
      const [cards, current] = await Promise.all([this.store.cardSummaries(userId, topicId), this.store.progress(userId, topicId)]);
      const mastered = cards.filter((card) => policy.isMastered(card.box)).length;
      const counts = { wordCount, seen: cards.length, learning: cards.length - mastered, mastered, topicMastered: policy.topicMastered(mastered, wordCount) };
      if (current && sameCounts(current, counts)) return;
      const meta = { key: userId, correlationId: RequestContext.correlationId(), actorId: userId, occurredAt: now };
      const events: EventEnvelope[] = [
        createEvent(
          ThematicTopicProgressed,
          {
            userId,
            topicId,
            topicSlug: topic.slug,
            level: topic.level,
            wordCount,
            seen: counts.seen,
            learning: counts.learning,
            mastered,
            mastery: wordCount > 0 ? Math.min(1, mastered / wordCount) : 0,
            at: now.toISOString(),
          },
          meta,
        ),
      ];
      if (counts.topicMastered && !current?.topicMastered) {
        events.push(createEvent(ThematicTopicMastered, { userId, topicId, topicSlug: topic.slug, level: topic.level, at: now.toISOString() }, meta));
      }
      const record: TopicProgressRecord = { userId, topicId, ...counts, version: (current?.version ?? 0) + 1 };
      if (await this.store.saveProgress(record, current?.version ?? null, events)) return;
    }
    throw new Error(`Progress of topic ${topicId} kept changing under concurrent reviews`);
  }
}

function sameCounts(current: TopicProgressRecord, next: Omit<TopicProgressRecord, 'userId' | 'topicId' | 'version'>): boolean {
  return (
    current.wordCount === next.wordCount &&
    current.seen === next.seen &&
    current.learning === next.learning &&
    current.mastered === next.mastered &&
    current.topicMastered === next.topicMastered
  );
}
