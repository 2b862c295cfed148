import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { LearningRating, LearningWordSource } from '@tall/vocabulary/contracts';
import type { FsrsMemory, LearningCardStateName } from '@tall/vocabulary/domain';

/** What a review did to a card: the review result without the `duplicate` flag. */
export interface ReviewOutcome {
  userWordId: string;
  rating: LearningRating;
  state: LearningCardStateName;
  dueAt: string;
  stability: number;
  difficulty: number;
}

export interface AppliedReview {
  reviewId: string;
  outcome: ReviewOutcome;
  /** The card's state before this review (for the log, should it be completed later). */
  stateBefore?: LearningCardStateName;
}

/** One word of a student's personal dictionary with its FSRS card. */
export interface LearningCardRecord {
  id: string;
  userId: string;
  lemma: string;
  /** See lemmaKey(): unique per student. */
  lemmaKey: string;
  article: 'de' | 'het' | null;
  translation: string | null;
  note: string | null;
  context: string | null;
  source: LearningWordSource;
  wordId: string | null;
  /** The reader's save, for words that came from `reader.wordSaved`. */
  savedId: string | null;
  textId: string | null;
  cohortWeek: string;
  addedAt: Date;
  memory: FsrsMemory;
  /** Optimistic concurrency: every review writes version + 1 on the version it read. */
  version: number;
  /** The last reviews applied to this card (newest last). */
  lastReviews: AppliedReview[];
}

/** A card's word without its memory: what a reader needs to recognise and gloss it. */
export type CardWordRecord = Pick<LearningCardRecord, 'id' | 'lemma' | 'article' | 'translation' | 'wordId'>;

export interface RemovedCardRecord {
  id: string;
  cohortWeek: string;
  removedAt: Date;
}

/** A review's entry in the log: claimed first (unique reviewId), completed once applied to the card. */
export interface ReviewRecord {
  reviewId: string;
  userId: string;
  userWordId: string;
  applied: boolean;
  claimedAt: Date;
  outcome: ReviewOutcome | null;
  cohortWeek: string | null;
  rating: LearningRating | null;
  /** The card's state before the review: `review` means a real test of memory (retention). */
  stateBefore: LearningCardStateName | null;
  answeredAt: Date | null;
  durationMs: number | null;
}

export interface ReviewCompletion {
  outcome: ReviewOutcome;
  cohortWeek: string;
  rating: LearningRating;
  stateBefore: LearningCardStateName;
  answeredAt: Date;
  durationMs: number;
  appliedAt: Date;
}

export interface StudentRecord {
  userId: string;
  /** Cards per cohort week: a projection of the cards, kept by every add and removal. */
  cohorts: Record<string, number>;
  erased: boolean;
}

/** A student's active set as a weekly rotation recorded it. */
export interface ActiveSetRecord {
  week: string;
  activeCohorts: string[];
  activeCards: number;
  newCohortCards: number;
  rotatedAt: Date;
}

export interface DueQuery {
  cohorts: readonly string[];
  /** New and review cards due before this instant (the start of tomorrow). */
  dueBefore: Date;
  /** Cards in (re)learning steps due before this instant (now plus the learn-ahead). */
  learningDueBefore: Date;
  limit: number;
}

export type InsertOutcome = 'inserted' | 'id-exists' | 'lemma-exists';

/** The cards, the review log and the per-student projection of the learning-cards context. */
export interface LearningStore {
  /** Inserts the card with its events in one write. */
  insertCard(card: LearningCardRecord, events: readonly EventEnvelope[]): Promise<InsertOutcome>;
  findCard(userId: string, id: string): Promise<LearningCardRecord | null>;
  findCardByLemmaKey(userId: string, lemmaKey: string): Promise<LearningCardRecord | null>;
  /** Newest first; `search` matches part of the lemma or the translation, any case. */
  listCards(userId: string, query: { search?: string; skip: number; limit: number }): Promise<{ items: LearningCardRecord[]; total: number }>;
  /** Every word the student has not removed, newest first. */
  cardWords(userId: string): Promise<CardWordRecord[]>;
  /** Marks the card removed (personal fields dropped) with its events in one write; false when it was not active. */
  removeCard(card: LearningCardRecord, removedAt: Date, events: readonly EventEnvelope[]): Promise<boolean>;
  /** Writes the reviewed card if it is still at `card.version` and has not applied `reviewId`; false otherwise. */
  saveReview(card: LearningCardRecord, review: { reviewId: string; memory: FsrsMemory; lastReviews: AppliedReview[] }, events: readonly EventEnvelope[]): Promise<boolean>;

  findReview(reviewId: string): Promise<ReviewRecord | null>;
  /** Claims a review id (unique); false when it is already claimed. */
  claimReview(claim: { reviewId: string; userId: string; userWordId: string; claimedAt: Date }): Promise<boolean>;
  completeReview(reviewId: string, completion: ReviewCompletion): Promise<void>;
  /** Drops a claim that was never applied (the card turned out not to exist). */
  releaseReview(reviewId: string): Promise<void>;

  dueCards(userId: string, query: DueQuery): Promise<{ items: LearningCardRecord[]; total: number }>;
  /**
   * The student's active cards counted in one read: per cohort (counted from the cards
   * themselves), due before `dueBefore` per cohort, and per FSRS state.
   */
  cardFigures(userId: string, dueBefore: Date): Promise<CardFigures>;
  /** Applied reviews answered since `since`, and those whose card was in the review state, with how many of those were not `again`. */
  reviewCounts(userId: string, query: { todayFrom: Date; retentionFrom: Date }): Promise<{ today: number; retentionReviews: number; remembered: number }>;

  student(userId: string): Promise<StudentRecord | null>;
  /** The student's active set of the first of `weeks` that was rotated, or null. */
  activeSet(userId: string, weeks: readonly string[]): Promise<ActiveSetRecord | null>;
  /** Adds `delta` to the student's cohort size (creating the student's record). */
  changeCohortSize(userId: string, cohortWeek: string, delta: number, at: Date): Promise<void>;
  /**
   * Rewrites the student's cohort sizes from the cards, unless a change came in meanwhile.
   * True when they were right or are now; false when a concurrent change won (try later).
   */
  reconcileCohortSizes(userId: string, at: Date): Promise<boolean>;

  userData(userId: string): Promise<{
    cards: LearningCardRecord[];
    removed: RemovedCardRecord[];
    reviews: ReviewRecord[];
    student: StudentRecord | null;
    /** The student's active set of each rotated week still kept. */
    weeks: ActiveSetRecord[];
  }>;
  /** Deletes every card and review of the user and leaves a tombstone (no personal data) so late events do not bring words back. */
  erase(userId: string, at: Date): Promise<void>;
}

export interface CardFigures {
  cohortSizes: Record<string, number>;
  dueByCohort: Record<string, number>;
  states: Record<LearningCardStateName, number>;
}

export const LEARNING_STORE = Symbol('LEARNING_STORE');
