import { Inject, Injectable } from '@nestjs/common';
import { isoWeekOf } from '@tall/platform/calendar';
import { createEvent, type EventEnvelope } from '@tall/platform/event-contracts';
import { RequestContext } from '@tall/platform/observability';
import { LearningWordAdded } from '@tall/vocabulary/contracts';
import { LearningScheduler, lemmaKey } from '@tall/vocabulary/domain';
import { LEARNING_CLOCK, LEARNING_SETTINGS, type Clock, type LearningSettings } from './learning-settings';
import type { LearningCardRecord } from './learning-store.port';

const DEFAULT_LANGUAGE = 'en';

export type NewWord = Pick<LearningCardRecord, 'lemma' | 'article' | 'translation' | 'note' | 'context' | 'source' | 'wordId' | 'savedId' | 'textId'>;

/** A new card in the cohort of the week it is added in, and its `learning.word.added` event (a student's add, or the reader's). */
@Injectable()
export class LearningCardFactory {
  constructor(
    @Inject(LEARNING_SETTINGS) private readonly settings: LearningSettings,
    @Inject(LEARNING_CLOCK) private readonly clock: Clock,
  ) {}

  newCard(userId: string, id: string, word: NewWord, at: Date): LearningCardRecord {
    return {
      id,
      userId,
      ...word,
      lemmaKey: lemmaKey(word.lemma),
      cohortWeek: isoWeekOf(at, this.settings.timeZone),
      addedAt: at,
      memory: LearningScheduler.newCard(at),
      version: 0,
      lastReviews: [],
    };
  }

  addedEvent(card: LearningCardRecord, meta: { actorId?: string; causationId?: string }): EventEnvelope {
    return createEvent(
      LearningWordAdded,
      { userId: card.userId, userWordId: card.id, source: card.source, wordId: card.wordId, cohortWeek: card.cohortWeek, at: card.addedAt.toISOString() },
      {
        key: card.userId,
        correlationId: RequestContext.correlationId(),
        actorId: meta.actorId ?? null,
        causationId: meta.causationId ?? null,
        occurredAt: this.clock(),
      },
    );
  }
}

/** The translation in `language`, else English, else the first the dictionary has. */
export function pickTranslation(translations: Readonly<Record<string, string>>, language: string | undefined): string | null {
  return translations[language ?? DEFAULT_LANGUAGE] ?? translations[DEFAULT_LANGUAGE] ?? Object.values(translations)[0] ?? null;
}

export function normaliseText(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ');
}
