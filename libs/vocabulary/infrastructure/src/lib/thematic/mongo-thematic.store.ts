import { MongoBulkWriteError } from 'mongodb';
import type { Model } from 'mongoose';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import { documentWithOutbox, withOutbox } from '@tall/platform/events';
import type {
  CardSummary,
  ReviewClaim,
  ThematicCardRecord,
  ThematicStore,
  ThematicUserData,
  TopicProgressRecord,
} from '@tall/vocabulary/application';
import type { ThematicCardDocument as CardDocument } from '../persistence/thematic-card.schema';
import type { ThematicProgressDocument as ProgressDocument } from '../persistence/thematic-progress.schema';
import type { ThematicReviewDocument as ReviewDocument } from '../persistence/thematic-review.schema';
import { DUPLICATE_KEY, isDuplicateKey, writeErrorsOf } from '../persistence/write-errors';

const cardKey = (userId: string, wordId: string) => `${userId}:${wordId}`;
const reviewKey = (userId: string, reviewId: string) => `${userId}:${reviewId}`;
const progressKey = (userId: string, topicId: string) => `${userId}:${topicId}`;

/**
 * Update statements sent in one command. FerretDB 1.24 keeps every statement's read cursor (one
 * SQLite connection each) open until the whole command ends; a command with more statements than
 * its pool's 100 connections waits for itself forever, and with the stack's write serialisation
 * every other update waits too. Small commands keep far below that.
 */
const UPDATES_PER_COMMAND = 16;

const SUMMARY = { _id: 0, wordId: 1, topicId: 1, box: 1, dueAt: 1, reviews: 1, correctReviews: 1 } as const;

/**
 * Thematic cards in the vocabulary database. One document per (student, word) carries the card
 * and the `thematic.card.reviewed` events of its reviews (outbox); one per (student, topic) the
 * progress counts and their events; one per (student, review id) the review's claim and result.
 * Every write is a single-document write (no transactions on FerretDB); cards and progress are
 * written with a version check.
 */
export class MongoThematicStore implements ThematicStore {
  constructor(
    private readonly cards: Model<CardDocument>,
    private readonly reviews: Model<ReviewDocument>,
    private readonly progressModel: Model<ProgressDocument>,
  ) {}

  async ensureIndexes(): Promise<void> {
    await this.cards.createIndexes();
    await this.reviews.createIndexes();
    await this.progressModel.createIndexes();
  }

  async claimsOf(userId: string, reviewIds: readonly string[]): Promise<ReviewClaim[]> {
    if (reviewIds.length === 0) return [];
    const documents = await this.reviews.find({ _id: { $in: reviewIds.map((reviewId) => reviewKey(userId, reviewId)) } }).lean<ReviewDocument[]>();
    return documents.map(claimOf);
  }

  async claim(claims: readonly ReviewClaim[]): Promise<Set<string>> {
    const taken = new Set<string>();
    if (claims.length === 0) return taken;
    const documents: ReviewDocument[] = claims.map((claim) => ({ _id: reviewKey(claim.userId, claim.reviewId), ...claim }));
    try {
      await this.reviews.insertMany(documents, { ordered: false, lean: true });
    } catch (error) {
      const writeErrors = error instanceof MongoBulkWriteError ? writeErrorsOf(error) : null;
      if (writeErrors && writeErrors.every((entry) => entry.code === DUPLICATE_KEY)) {
        writeErrors.forEach((entry) => taken.add(claims[entry.index].reviewId));
      } else if (isDuplicateKey(error) && claims.length === 1) {
        taken.add(claims[0].reviewId);
      } else {
        throw error;
      }
    }
    return taken;
  }

  async takeOver(userId: string, reviewId: string, claimedBefore: Date, now: Date): Promise<boolean> {
    const result = await this.reviews.updateOne(
      { _id: reviewKey(userId, reviewId), status: 'pending', claimedAt: { $lt: claimedBefore } },
      { $set: { claimedAt: now } },
    );
    return result.modifiedCount === 1;
  }

  async complete(userId: string, results: ReadonlyArray<{ reviewId: string; fromBox: number; box: number; dueAt: Date }>, at: Date): Promise<void> {
    for (let start = 0; start < results.length; start += UPDATES_PER_COMMAND) {
      await this.reviews.bulkWrite(
        results.slice(start, start + UPDATES_PER_COMMAND).map((result) => ({
          updateOne: {
            filter: { _id: reviewKey(userId, result.reviewId) },
            update: { $set: { status: 'applied' as const, fromBox: result.fromBox, box: result.box, dueAt: result.dueAt, appliedAt: at } },
          },
        })),
        { ordered: false },
      );
    }
  }

  async stalePendingClaims(claimedBefore: Date, limit: number): Promise<ReviewClaim[]> {
    const documents = await this.reviews
      .find({ status: 'pending', claimedAt: { $lt: claimedBefore } })
      .sort({ claimedAt: 1 })
      .limit(limit)
      .lean<ReviewDocument[]>();
    return documents.map(claimOf);
  }

  async card(userId: string, wordId: string): Promise<ThematicCardRecord | null> {
    const document = await this.cards.findOne({ _id: cardKey(userId, wordId) }, { _outbox: 0, _outboxPending: 0, _outboxSeq: 0 }).lean<CardDocument>();
    if (!document) return null;
    return {
      userId: document.userId,
      wordId: document.wordId,
      topicId: document.topicId,
      box: document.box,
      dueAt: document.dueAt,
      lastAnsweredAt: document.lastAnsweredAt,
      reviews: document.reviews,
      correctReviews: document.correctReviews,
      recent: document.recent ?? [],
      version: document.version,
    };
  }

  async saveCard(card: ThematicCardRecord, expectedVersion: number | null, events: readonly EventEnvelope[]): Promise<boolean> {
    const _id = cardKey(card.userId, card.wordId);
    const now = new Date();
    if (expectedVersion === null) {
      try {
        await this.cards.insertOne(documentWithOutbox({ _id, ...card, updatedAt: now }, events));
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    }
    const { userId: _userId, wordId: _wordId, ...fields } = card;
    const result = await this.cards.updateOne({ _id, version: expectedVersion }, withOutbox<CardDocument>({ $set: { ...fields, updatedAt: now } }, events));
    return result.matchedCount === 1;
  }

  async cardSummaries(userId: string, topicId?: string): Promise<CardSummary[]> {
    return this.cards.find(topicId ? { userId, topicId } : { userId }, SUMMARY).lean<CardSummary[]>();
  }

  async progress(userId: string, topicId: string): Promise<TopicProgressRecord | null> {
    const document = await this.progressModel.findOne({ _id: progressKey(userId, topicId) }, { _outbox: 0, _outboxPending: 0, _outboxSeq: 0 }).lean<ProgressDocument>();
    if (!document) return null;
    const { userId: owner, topicId: topic, wordCount, seen, learning, mastered, topicMastered, version } = document;
    return { userId: owner, topicId: topic, wordCount, seen, learning, mastered, topicMastered, version };
  }

  async saveProgress(record: TopicProgressRecord, expectedVersion: number | null, events: readonly EventEnvelope[]): Promise<boolean> {
    const _id = progressKey(record.userId, record.topicId);
    const now = new Date();
    if (expectedVersion === null) {
      try {
        await this.progressModel.insertOne(documentWithOutbox({ _id, ...record, updatedAt: now }, events));
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    }
    const { userId: _userId, topicId: _topicId, ...fields } = record;
    const result = await this.progressModel.updateOne(
      { _id, version: expectedVersion },
      withOutbox<ProgressDocument>({ $set: { ...fields, updatedAt: now } }, events),
    );
    return result.matchedCount === 1;
  }

  async reviewDays(userId: string): Promise<Array<{ topicId: string; day: string }>> {
    const groups = await this.reviews.aggregate<{ _id: { topicId: string; day: string } }>([
      { $match: { userId, status: 'applied' } },
      { $group: { _id: { topicId: '$topicId', day: '$day' } } },
    ]);
    return groups.map((group) => group._id);
  }

  async exportUser(userId: string): Promise<ThematicUserData> {
    const [cards, reviews, progress] = await Promise.all([
      this.cardSummaries(userId),
      this.reviews.find({ userId }).sort({ answeredAt: 1 }).lean<ReviewDocument[]>(),
      this.progressModel.find({ userId }, { _outbox: 0, _outboxPending: 0, _outboxSeq: 0 }).lean<ProgressDocument[]>(),
    ]);
    return {
      cards,
      reviews: reviews.map(claimOf),
      progress: progress.map(({ userId: owner, topicId, wordCount, seen, learning, mastered, topicMastered, version }) => ({
        userId: owner,
        topicId,
        wordCount,
        seen,
        learning,
        mastered,
        topicMastered,
        version,
      })),
    };
  }

  async eraseUser(userId: string): Promise<void> {
    await Promise.all([this.cards.deleteMany({ userId }), this.reviews.deleteMany({ userId }), this.progressModel.deleteMany({ userId })]);
  }
}

function claimOf(document: ReviewDocument): ReviewClaim {
  const { _id: _key, appliedAt: _appliedAt, ...claim } = document;
  return claim;
}
