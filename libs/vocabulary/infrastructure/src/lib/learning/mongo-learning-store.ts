import type { FilterQuery, Model } from 'mongoose';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import { documentWithOutbox, withOutbox } from '@tall/platform/events';
import type {
  ActiveSetRecord,
  AppliedReview,
  CardFigures,
  CardWordRecord,
  DueQuery,
  InsertOutcome,
  LearningCardRecord,
  LearningStore,
  RemovedCardRecord,
  ReviewCompletion,
  ReviewRecord,
  StudentRecord,
} from '@tall/vocabulary/application';
import type { FsrsMemory } from '@tall/vocabulary/domain';
import type { LearningCardDocument as CardDocument } from '../persistence/learning-card.schema';
import type { LearningReviewDocument as ReviewDocument } from '../persistence/learning-review.schema';
import type { LearningStudentDocument as StudentDocument } from '../persistence/learning-student.schema';
import type { LearningWeekDocument } from '../persistence/learning-week.schema';
import { isDuplicateKey } from '../persistence/write-errors';

const ACTIVE = 'active' as const;
/** Ratings that count as remembered in the retention figure. */
const REMEMBERED = new Set(['hard', 'good', 'easy']);

export class MongoLearningStore implements LearningStore {
  constructor(
    private readonly cards: Model<CardDocument>,
    private readonly reviews: Model<ReviewDocument>,
    private readonly students: Model<StudentDocument>,
    private readonly weeks: Model<LearningWeekDocument>,
  ) {}

  async ensureIndexes(): Promise<void> {
    await Promise.all([this.cards.createIndexes(), this.reviews.createIndexes(), this.students.createIndexes()]);
  }

  async insertCard(card: LearningCardRecord, events: readonly EventEnvelope[]): Promise<InsertOutcome> {
    try {
      await this.cards.insertOne(documentWithOutbox(toDocument(card), events));
      return 'inserted';
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // FerretDB does not say which index refused: ask.
      return (await this.cards.countDocuments({ _id: card.id }).limit(1)) > 0 ? 'id-exists' : 'lemma-exists';
    }
  }

  async findCard(userId: string, id: string): Promise<LearningCardRecord | null> {
    const document = await this.cards.findOne({ _id: id, userId, status: ACTIVE }).lean<CardDocument>();
    return document ? toRecord(document) : null;
  }

  async findCardByLemmaKey(userId: string, lemmaKey: string): Promise<LearningCardRecord | null> {
    const document = await this.cards.findOne({ userId, lemmaKey, status: ACTIVE }).lean<CardDocument>();
    return document ? toRecord(document) : null;
  }

  async listCards(userId: string, query: { search?: string; skip: number; limit: number }) {
    const filter: FilterQuery<CardDocument> = { userId, status: ACTIVE };
    if (query.search) {
      const pattern = escapeRegex(query.search);
      filter.$or = [{ lemmaKey: { $regex: pattern } }, { translation: { $regex: pattern, $options: 'i' } }];
    }
    const [documents, total] = await Promise.all([
      this.cards.find(filter, { _outbox: 0 }).sort({ addedAt: -1, _id: -1 }).skip(query.skip).limit(query.limit).lean<CardDocument[]>(),
      this.cards.countDocuments(filter),
    ]);
    return { items: documents.map(toRecord), total };
  }

  async cardWords(userId: string): Promise<CardWordRecord[]> {
    // The few fields a reader glosses with, read on the `user_added` index (userId, status, addedAt).
    const documents = await this.cards
      .find({ userId, status: ACTIVE }, { _id: 1, lemma: 1, article: 1, translation: 1, wordId: 1 })
      .sort({ addedAt: -1, _id: -1 })
      .lean<Array<Pick<CardDocument, '_id' | 'lemma' | 'article' | 'translation' | 'wordId'>>>();
    return documents.map((document) => ({
      id: document._id,
      lemma: document.lemma ?? '',
      article: document.article ?? null,
      translation: document.translation ?? null,
      wordId: document.wordId ?? null,
    }));
  }

  async removeCard(card: LearningCardRecord, removedAt: Date, events: readonly EventEnvelope[]): Promise<boolean> {
    const result = await this.cards.updateOne(
      { _id: card.id, userId: card.userId, status: ACTIVE },
      withOutbox<CardDocument>(
        {
          $set: { status: 'removed', removedAt, lemmaKey: `~removed:${card.id}` },
          // The word, its translation, note, sentence and text are the student's own: not kept once removed.
          $unset: { lemma: '', translation: '', note: '', context: '', article: '', textId: '', savedId: '', lastReviews: '' },
        },
        events,
      ),
    );
    return result.matchedCount === 1;
  }

  async saveReview(card: LearningCardRecord, review: { reviewId: string; memory: FsrsMemory; lastReviews: AppliedReview[] }, events: readonly EventEnvelope[]): Promise<boolean> {
    const result = await this.cards.updateOne(
      // `$nor` of an equality, not `$ne`: FerretDB 1.24 gets `$ne` on array subfields wrong.
      { _id: card.id, userId: card.userId, status: ACTIVE, version: card.version, $nor: [{ 'lastReviews.reviewId': review.reviewId }] },
      withOutbox<CardDocument>({ $set: { ...memoryFields(review.memory), lastReviews: review.lastReviews, version: card.version + 1 } }, events),
    );
    return result.matchedCount === 1;
  }

  async findReview(reviewId: string): Promise<ReviewRecord | null> {
    const document = await this.reviews.findOne({ _id: reviewId }).lean<ReviewDocument>();
    return document ? toReviewRecord(document) : null;
  }

  async claimReview(claim: { reviewId: string; userId: string; userWordId: string; claimedAt: Date }): Promise<boolean> {
    try {
      await this.reviews.insertOne({ _id: claim.reviewId, userId: claim.userId, userWordId: claim.userWordId, applied: false, claimedAt: claim.claimedAt });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async completeReview(reviewId: string, completion: ReviewCompletion): Promise<void> {
    await this.reviews.updateOne({ _id: reviewId }, { $set: { applied: true, ...completion } });
  }

  async releaseReview(reviewId: string): Promise<void> {
    await this.reviews.deleteOne({ _id: reviewId, applied: false });
  }

  async dueCards(userId: string, query: DueQuery) {
    const filter: FilterQuery<CardDocument> = {
      userId,
      status: ACTIVE,
      cohortWeek: { $in: [...query.cohorts] },
      $or: [
        { state: { $in: ['new', 'review'] }, due: { $lt: query.dueBefore } },
        { state: { $in: ['learning', 'relearning'] }, due: { $lt: query.learningDueBefore } },
      ],
    };
    const [documents, total] = await Promise.all([
      this.cards.find(filter, { _outbox: 0 }).sort({ due: 1, _id: 1 }).limit(query.limit).lean<CardDocument[]>(),
      this.cards.countDocuments(filter),
    ]);
    return { items: documents.map(toRecord), total };
  }

  async cardFigures(userId: string, dueBefore: Date): Promise<CardFigures> {
    // One read of the few fields counted, instead of an aggregation per figure (FerretDB runs
    // each in Go over the same documents).
    const cards = await this.cards.find({ userId, status: ACTIVE }, { _id: 0, cohortWeek: 1, state: 1, due: 1 }).lean<Array<Pick<CardDocument, 'cohortWeek' | 'state' | 'due'>>>();
    const figures: CardFigures = { cohortSizes: {}, dueByCohort: {}, states: { new: 0, learning: 0, review: 0, relearning: 0 } };
    for (const card of cards) {
      figures.cohortSizes[card.cohortWeek] = (figures.cohortSizes[card.cohortWeek] ?? 0) + 1;
      if (card.due < dueBefore) figures.dueByCohort[card.cohortWeek] = (figures.dueByCohort[card.cohortWeek] ?? 0) + 1;
      if (card.state in figures.states) figures.states[card.state] += 1;
    }
    return figures;
  }

  async reviewCounts(userId: string, query: { todayFrom: Date; retentionFrom: Date }) {
    // One read of the reviews of the longer span, counted here (three counts were three scans).
    const since = query.todayFrom < query.retentionFrom ? query.todayFrom : query.retentionFrom;
    const reviews = await this.reviews
      .find({ userId, applied: true, answeredAt: { $gte: since } }, { _id: 0, answeredAt: 1, stateBefore: 1, rating: 1 })
      .lean<Array<Pick<ReviewDocument, 'answeredAt' | 'stateBefore' | 'rating'>>>();
    const counts = { today: 0, retentionReviews: 0, remembered: 0 };
    for (const review of reviews) {
      if (!review.answeredAt) continue;
      if (review.answeredAt >= query.todayFrom) counts.today += 1;
      if (review.answeredAt >= query.retentionFrom && review.stateBefore === 'review') {
        counts.retentionReviews += 1;
        if (review.rating && REMEMBERED.has(review.rating)) counts.remembered += 1;
      }
    }
    return counts;
  }

  async student(userId: string): Promise<StudentRecord | null> {
    const document = await this.students.findOne({ _id: userId }).lean<StudentDocument>();
    return document ? toStudentRecord(document) : null;
  }

  async activeSet(userId: string, weeks: readonly string[]): Promise<ActiveSetRecord | null> {
    if (weeks.length === 0) return null;
    // By `_id`: one indexed read for every week asked, the first of them that exists wins.
    const documents = await this.weeks.find({ _id: { $in: weeks.map((week) => `${week}:${userId}`) } }).lean<LearningWeekDocument[]>();
    for (const week of weeks) {
      const document = documents.find((candidate) => candidate.week === week);
      if (document) return { week: document.week, activeCohorts: document.activeCohorts, activeCards: document.activeCards, newCohortCards: document.newCohortCards, rotatedAt: document.rotatedAt };
    }
    return null;
  }

  async changeCohortSize(userId: string, cohortWeek: string, delta: number, at: Date): Promise<void> {
    await this.students.updateOne(
      { _id: userId },
      {
        $inc: { [`cohorts.${cohortWeek}`]: delta, rev: 1 },
        $set: { changedAt: at },
        $setOnInsert: { createdAt: at },
      },
      { upsert: true },
    );
  }

  async reconcileCohortSizes(userId: string, at: Date): Promise<boolean> {
    const before = await this.students.findOne({ _id: userId }, { rev: 1, erased: 1 }).lean<Pick<StudentDocument, '_id' | 'rev' | 'erased'>>();
    if (!before || before.erased) return true;
    const sizes = await this.countBy({ userId, status: ACTIVE }, 'cohortWeek');
    const result = await this.students.updateOne({ _id: userId, rev: before.rev ?? 0 }, { $set: { cohorts: sizes, reconciledAt: at } });
    return result.matchedCount === 1;
  }

  /** Students whose cards changed since `since`, for the daily reconciliation. */
  async changedStudents(since: Date, afterUserId: string | null, limit: number): Promise<string[]> {
    const documents = await this.students
      .find({ changedAt: { $gte: since }, ...(afterUserId === null ? {} : { _id: { $gt: afterUserId } }) }, { _id: 1 })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<Array<{ _id: string }>>();
    return documents.map((document) => document._id);
  }

  /** Deletes removed cards once their events are out and they are older than `removedBefore`. */
  async purgeRemoved(removedBefore: Date): Promise<number> {
    const result = await this.cards.deleteMany({ status: 'removed', removedAt: { $lt: removedBefore }, _outboxPending: { $exists: false } });
    return result.deletedCount;
  }

  async userData(userId: string) {
    const [cards, reviews, student, weeks] = await Promise.all([
      this.cards.find({ userId }, { _outbox: 0 }).sort({ addedAt: 1, _id: 1 }).lean<CardDocument[]>(),
      this.reviews.find({ userId }).sort({ answeredAt: 1, _id: 1 }).lean<ReviewDocument[]>(),
      this.student(userId),
      this.weeks.find({ userId }).sort({ week: 1 }).lean<LearningWeekDocument[]>(),
    ]);
    return {
      cards: cards.filter((card) => card.status === ACTIVE).map(toRecord),
      removed: cards
        .filter((card) => card.status === 'removed')
        .map((card): RemovedCardRecord => ({ id: card._id, cohortWeek: card.cohortWeek, removedAt: card.removedAt ?? card.addedAt })),
      reviews: reviews.map(toReviewRecord),
      student: student?.erased ? null : student,
      weeks: weeks.map(({ week, activeCohorts, activeCards, newCohortCards, rotatedAt }) => ({ week, activeCohorts, activeCards, newCohortCards, rotatedAt })),
    };
  }

  async erase(userId: string, at: Date): Promise<void> {
    await Promise.all([this.cards.deleteMany({ userId }), this.reviews.deleteMany({ userId }), this.weeks.deleteMany({ userId })]);
    // A tombstone, so that a late reader event does not bring words back; it holds no personal data.
    await this.students.replaceOne({ _id: userId }, { erased: true, erasedAt: at }, { upsert: true });
  }

  private async countBy(match: FilterQuery<CardDocument>, field: 'cohortWeek'): Promise<Record<string, number>> {
    // Aggregation stages are not cast by mongoose: `match` goes to the server as written.
    const groups = await this.cards.aggregate<{ _id: string; n: number }>([{ $match: match }, { $group: { _id: `$${field}`, n: { $sum: 1 } } }]);
    return Object.fromEntries(groups.map((group) => [group._id, group.n]));
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function memoryFields(memory: FsrsMemory) {
  return {
    state: memory.state,
    due: memory.due,
    stability: memory.stability,
    difficulty: memory.difficulty,
    elapsedDays: memory.elapsedDays,
    scheduledDays: memory.scheduledDays,
    learningSteps: memory.learningSteps,
    reps: memory.reps,
    lapses: memory.lapses,
    lastReview: memory.lastReview,
  };
}

function toDocument(card: LearningCardRecord): CardDocument {
  return {
    _id: card.id,
    userId: card.userId,
    status: ACTIVE,
    lemma: card.lemma,
    lemmaKey: card.lemmaKey,
    article: card.article,
    translation: card.translation,
    note: card.note,
    context: card.context,
    source: card.source,
    wordId: card.wordId,
    savedId: card.savedId,
    textId: card.textId,
    cohortWeek: card.cohortWeek,
    addedAt: card.addedAt,
    ...memoryFields(card.memory),
    version: card.version,
    lastReviews: card.lastReviews,
  };
}

function toRecord(document: CardDocument): LearningCardRecord {
  return {
    id: document._id,
    userId: document.userId,
    lemma: document.lemma ?? '',
    lemmaKey: document.lemmaKey,
    article: document.article ?? null,
    translation: document.translation ?? null,
    note: document.note ?? null,
    context: document.context ?? null,
    source: document.source,
    wordId: document.wordId ?? null,
    savedId: document.savedId ?? null,
    textId: document.textId ?? null,
    cohortWeek: document.cohortWeek,
    addedAt: document.addedAt,
    memory: {
      state: document.state,
      due: document.due,
      stability: document.stability,
      difficulty: document.difficulty,
      elapsedDays: document.elapsedDays,
      scheduledDays: document.scheduledDays,
      learningSteps: document.learningSteps,
      reps: document.reps,
      lapses: document.lapses,
      lastReview: document.lastReview ?? null,
    },
    version: document.version,
    lastReviews: document.lastReviews ?? [],
  };
}

function toReviewRecord(document: ReviewDocument): ReviewRecord {
  return {
    reviewId: document._id,
    userId: document.userId,
    userWordId: document.userWordId,
    applied: document.applied,
    claimedAt: document.claimedAt,
    outcome: document.outcome ?? null,
    cohortWeek: document.cohortWeek ?? null,
    rating: document.rating ?? null,
    stateBefore: document.stateBefore ?? null,
    answeredAt: document.answeredAt ?? null,
    durationMs: document.durationMs ?? null,
  };
}

function toStudentRecord(document: StudentDocument): StudentRecord {
  return { userId: document._id, cohorts: document.cohorts ?? {}, erased: document.erased === true };
}
