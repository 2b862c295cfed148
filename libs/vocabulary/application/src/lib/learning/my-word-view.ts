import type { MyWord } from '@tall/vocabulary/contracts';
import type { LearningCardRecord } from './learning-store.port';

/** A card as the student's word list (and the export) shows it. */
export function toMyWord(card: LearningCardRecord): MyWord {
  return {
    id: card.id,
    lemma: card.lemma,
    article: card.article,
    translation: card.translation,
    note: card.note,
    context: card.context,
    source: card.source,
    wordId: card.wordId,
    cohortWeek: card.cohortWeek,
    addedAt: card.addedAt.toISOString(),
    state: card.memory.state,
    dueAt: card.memory.due.toISOString(),
    reps: card.memory.reps,
    lapses: card.memory.lapses,
    lastReviewedAt: card.memory.lastReview?.toISOString() ?? null,
  };
}
