import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { ThematicMode } from '@tall/vocabulary/contracts';
import type { VerbForms } from '@tall/vocabulary/domain';

/** The stored outcome of one review: what the student is answered, then and on every repeat. */
export interface StoredReviewResult {
  correct: boolean;
  expected: string | VerbForms;
  box: number;
  dueAt: Date;
}

/** A review the card already reflects, kept on the card so an interrupted review can be completed. */
export interface RecentReview {
  reviewId: string;
  fromBox: number;
  toBox: number;
  dueAt: Date;
}

/** One student's state on one word. */
export interface ThematicCardRecord {
  userId: string;
  wordId: string;
  topicId: string;
  box: number;
  dueAt: Date;
  lastAnsweredAt: Date;
  reviews: number;
  correctReviews: number;
  /** The last reviews applied, newest last (bounded). */
  recent: RecentReview[];
  /** Optimistic concurrency: every write expects the version it read. */
  version: number;
}

/**
 * The claim of a review id: written before the card changes, unique per (user, review id), so a
 * review is applied at most once however often and however concurrently it arrives.
 */
export interface ReviewClaim {
  userId: string;
  reviewId: string;
  wordId: string;
  topicId: string;
  mode: ThematicMode;
  answeredAt: Date;
  durationMs: number;
  /** The local day of `answeredAt` (streaks). */
  day: string;
  /** The server's verdict, decided when claimed. */
  correct: boolean;
  expected: string | VerbForms;
  status: 'pending' | 'applied';
  claimedAt: Date;
  /** Once applied. */
  fromBox?: number;
  box?: number;
  dueAt?: Date;
}

export interface TopicProgressRecord {
  userId: string;
  topicId: string;
  wordCount: number;
  seen: number;
  learning: number;
  mastered: number;
  topicMastered: boolean;
  version: number;
}

/** What stats need of a card. */
export interface CardSummary {
  wordId: string;
  topicId: string;
  box: number;
  dueAt: Date;
  reviews: number;
  correctReviews: number;
}

export interface ThematicStore {
  claimsOf(userId: string, reviewIds: readonly string[]): Promise<ReviewClaim[]>;
  /** Inserts the claims; returns the review ids someone else claimed first. */
  claim(claims: readonly ReviewClaim[]): Promise<Set<string>>;
  /** Takes over a pending claim left since before `claimedBefore` (its request died). */
  takeOver(userId: string, reviewId: string, claimedBefore: Date, now: Date): Promise<boolean>;
  complete(userId: string, results: ReadonlyArray<{ reviewId: string; fromBox: number; box: number; dueAt: Date }>, at: Date): Promise<void>;
  /** Pending claims older than `claimedBefore`, oldest first. */
  stalePendingClaims(claimedBefore: Date, limit: number): Promise<ReviewClaim[]>;

  card(userId: string, wordId: string): Promise<ThematicCardRecord | null>;
  /** Writes the card when it is still at `expectedVersion` (null: it must not exist yet), with its events in the same write. */
  saveCard(card: ThematicCardRecord, expectedVersion: number | null, events: readonly EventEnvelope[]): Promise<boolean>;
  cardSummaries(userId: string, topicId?: string): Promise<CardSummary[]>;

  progress(userId: string, topicId: string): Promise<TopicProgressRecord | null>;
  saveProgress(record: TopicProgressRecord, expectedVersion: number | null, events: readonly EventEnvelope[]): Promise<boolean>;

  /** Distinct (topic, local day) pairs on which the student applied reviews. */
  reviewDays(userId: string): Promise<Array<{ topicId: string; day: string }>>;

  exportUser(userId: string): Promise<ThematicUserData>;
  eraseUser(userId: string): Promise<void>;
}

export interface ThematicUserData {
  cards: CardSummary[];
  reviews: ReviewClaim[];
  progress: TopicProgressRecord[];
}

export const THEMATIC_STORE = Symbol('THEMATIC_STORE');
