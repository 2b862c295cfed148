import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { createEvent, type EventEnvelope } from '@tall/platform/event-contracts';
import { RequestContext } from '@tall/platform/observability';
import { addWeeks, dayOf, isoWeekOf, startOfLocalDay } from '@tall/platform/calendar';
import {
  ANSWERED_AT_MAX_SKEW_MS,
  LearningCardReviewed,
  LearningWordAdded,
  LearningWordRemoved,
  type AddMyWordBody,
  type LearningReviewBody,
  type LearningReviewResult,
  type LearningStats,
  type MySchedule,
  type MyWord,
  type MyWordList,
  type MyWordsQuery,
  type TodayCard,
  type TodayQueue,
} from '@tall/vocabulary/contracts';
import {
  activeWeeksOf,
  cyclePosition,
  LearningScheduler,
  lemmaKey,
  nextActiveWeek,
  upcomingWeeks,
} from '@tall/vocabulary/domain';
import { LEARNING_DICTIONARY, type DictionaryLookup } from './dictionary-lookup.port';
import { learningErrors } from './learning-cards.errors';
import { KEPT_REVIEWS_PER_CARD, LEARN_AHEAD_MS, LEARNING_CLOCK, LEARNING_SETTINGS, type Clock, type LearningSettings } from './learning-settings';
import { LEARNING_STORE, type LearningCardRecord, type LearningStore, type ReviewOutcome } from './learning-store.port';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_PAGE_SIZE = 20;
const DEFAULT_QUEUE_LIMIT = 50;
const MAX_REVIEW_ATTEMPTS = 8;
const UPCOMING_WEEKS = 8;
const DEFAULT_LANGUAGE = 'en';
/** Namespace of the card ids derived from the reader's saves (a v5-style name-based UUID). */
const READER_CARD_NAMESPACE = 'tall.vocabulary.learning.reader';

/** A word saved while reading (the payload of `reader.wordSaved`). */
export interface ReaderWord {
  userId: string;
  savedId: string;
  lemma: string;
  translation: string | null;
  article: 'de' | 'het' | null;
  context: string | null;
  textId: string;
  wordId: string | null;
  at: string;
}

/**
 * Learning cards: the student's personal dictionary, FSRS reviews, today's queue, the weekly
 * schedule, statistics, and the student's data for export and erasure. Every state change is
 * written together with its event (in-document outbox); events carry ids and scheduling facts,
 * never the words themselves.
 */
@Injectable()
export class LearningCardsService {
  private readonly scheduler: LearningScheduler;

  constructor(
    @Inject(LEARNING_STORE) private readonly store: LearningStore,
    @Inject(LEARNING_SETTINGS) private readonly settings: LearningSettings,
    @Inject(LEARNING_DICTIONARY) private readonly dictionary: DictionaryLookup,
    @Inject(LEARNING_CLOCK) private readonly clock: Clock,
  ) {
    this.scheduler = new LearningScheduler({ desiredRetention: settings.desiredRetention });
  }

  async listWords(userId: string, query: MyWordsQuery): Promise<MyWordList> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const search = query.q?.trim() ? lemmaKey(query.q) : undefined;
    const { items, total } = await this.store.listCards(userId, { search, skip: (page - 1) * pageSize, limit: pageSize });
    return { items: items.map(toMyWord), total, page, pageSize };
  }

  async addWord(userId: string, body: AddMyWordBody): Promise<MyWord> {
    const student = await this.store.student(userId);
    if (student?.erased) throw learningErrors.accountErased();
    const at = this.clock();
    let word: Pick<LearningCardRecord, 'lemma' | 'article' | 'translation' | 'note' | 'source' | 'wordId'>;
    if (body.wordId !== undefined) {
      const entry = await this.lookUp(body.wordId);
      if (!entry) throw learningErrors.dictionaryWordNotFound();
      word = {
        lemma: entry.lemma,
        article: entry.article,
        translation: pickTranslation(entry.translations, body.language),
        note: null,
        source: 'dictionary',
        wordId: entry.wordId,
      };
    } else {
      word = {
        lemma: normaliseText(body.lemma ?? ''),
        article: body.article ?? null,
        translation: normaliseText(body.translation ?? ''),
        note: body.note ? body.note : null,
        source: 'own',
        wordId: null,
      };
    }
    const card = this.newCard(userId, randomUUID(), { ...word, context: null, savedId: null, textId: null }, at);
    const existing = await this.store.findCardByLemmaKey(userId, card.lemmaKey);
    if (existing) throw learningErrors.wordExists(existing.id);
    const outcome = await this.store.insertCard(card, [this.addedEvent(card, { actorId: userId })]);
    if (outcome === 'lemma-exists') {
      const winner = await this.store.findCardByLemmaKey(userId, card.lemmaKey);
      throw learningErrors.wordExists(winner?.id ?? card.id);
    }
    await this.store.changeCohortSize(userId, card.cohortWeek, 1, at);
    return toMyWord(card);
  }

  /**
   * Adds a word the student saved while reading, once per save (the card id derives from the
   * save); a word already in the student's dictionary (same lemma, any case) is not added again.
   * @returns whether a card was added now
   */
  async addFromReader(word: ReaderWord, causationId: string): Promise<boolean> {
    const student = await this.store.student(word.userId);
    if (student?.erased) return false;
    const id = readerCardId(word.userId, word.savedId);
    if (await this.store.findCard(word.userId, id)) return false;
    const savedAt = new Date(Math.min(Date.parse(word.at), this.clock().getTime()));
    const translation = word.translation ?? (word.wordId ? await this.readerTranslation(word.wordId) : null);
    const card = this.newCard(
      word.userId,
      id,
      {
        lemma: normaliseText(word.lemma),
        article: word.article,
        translation: translation ? normaliseText(translation) : null,
        note: null,
        context: word.context?.trim() || null,
        source: 'reader',
        wordId: word.wordId,
        savedId: word.savedId,
        textId: word.textId,
      },
      savedAt,
    );
    if (await this.store.findCardByLemmaKey(word.userId, card.lemmaKey)) return false;
    const outcome = await this.store.insertCard(card, [this.addedEvent(card, { causationId })]);
    if (outcome !== 'inserted') return false;
    await this.store.changeCohortSize(word.userId, card.cohortWeek, 1, this.clock());
    return true;
  }

  async removeWord(userId: string, id: string): Promise<void> {
    const card = await this.store.findCard(userId, id);
    if (!card) throw learningErrors.wordNotFound();
    const at = this.clock();
    const event = createEvent(
      LearningWordRemoved,
      { userId, userWordId: card.id, cohortWeek: card.cohortWeek, at: at.toISOString() },
      { key: userId, correlationId: RequestContext.correlationId(), actorId: userId, occurredAt: at },
    );
    if (!(await this.store.removeCard(card, at, [event]))) throw learningErrors.wordNotFound();
    await this.store.changeCohortSize(userId, card.cohortWeek, -1, at);
  }

  /**
   * Rates a card (FSRS). Idempotent by reviewId: a repeat answers the stored result with
   * `duplicate: true`. A card whose cohort is not active this week is reviewed all the same (the
   * student chose to practise it). Two reviews of one card at once are both applied, one after
   * the other (version check and retry).
   */
  async review(userId: string, body: LearningReviewBody): Promise<LearningReviewResult> {
    const now = this.clock();
    const answeredAt = new Date(body.answeredAt);
    if (answeredAt.getTime() > now.getTime() + ANSWERED_AT_MAX_SKEW_MS) throw learningErrors.answeredInFuture(ANSWERED_AT_MAX_SKEW_MS);

    const logged = await this.store.findReview(body.reviewId);
    if (logged) {
      if (logged.userId !== userId || logged.userWordId !== body.userWordId) throw learningErrors.reviewIdConflict();
      if (logged.applied && logged.outcome) return { ...logged.outcome, duplicate: true };
    }
    let card = await this.store.findCard(userId, body.userWordId);
    if (!card) throw learningErrors.wordNotFound();
    if (!logged && !(await this.store.claimReview({ reviewId: body.reviewId, userId, userWordId: card.id, claimedAt: now }))) {
      // Claimed meanwhile by a concurrent request: it is either ours to finish or someone else's.
      const claimed = await this.store.findReview(body.reviewId);
      if (!claimed || claimed.userId !== userId || claimed.userWordId !== body.userWordId) throw learningErrors.reviewIdConflict();
      if (claimed.applied && claimed.outcome) return { ...claimed.outcome, duplicate: true };
    }

    for (let attempt = 1; attempt <= MAX_REVIEW_ATTEMPTS; attempt++) {
      if (!card) {
        await this.store.releaseReview(body.reviewId);
        throw learningErrors.wordNotFound();
      }
      const applied = card.lastReviews.find((review) => review.reviewId === body.reviewId);
      if (applied) {
        await this.completeLog(body, card, applied.outcome, applied.stateBefore ?? card.memory.state, now);
        return { ...applied.outcome, duplicate: true };
      }
      const memory = this.scheduler.review(card.memory, body.rating, answeredAt);
      const outcome: ReviewOutcome = {
        userWordId: card.id,
        rating: body.rating,
        state: memory.state,
        dueAt: memory.due.toISOString(),
        stability: memory.stability,
        difficulty: memory.difficulty,
      };
      const event = createEvent(
        LearningCardReviewed,
        {
          userId,
          reviewId: body.reviewId,
          userWordId: card.id,
          cohortWeek: card.cohortWeek,
          rating: body.rating,
          state: memory.state,
          stability: memory.stability,
          difficulty: memory.difficulty,
          dueAt: outcome.dueAt,
          answeredAt: answeredAt.toISOString(),
          durationMs: body.durationMs,
        },
        { key: userId, correlationId: RequestContext.correlationId(), actorId: userId, occurredAt: now },
      );
      const lastReviews = [...card.lastReviews, { reviewId: body.reviewId, outcome, stateBefore: card.memory.state }].slice(-KEPT_REVIEWS_PER_CARD);
      if (await this.store.saveReview(card, { reviewId: body.reviewId, memory, lastReviews }, [event])) {
        await this.completeLog(body, card, outcome, card.memory.state, now);
        return { ...outcome, duplicate: false };
      }
      // Another review of this card won the race: read it again and schedule from its result.
      card = await this.store.findCard(userId, body.userWordId);
    }
    throw learningErrors.busy();
  }

  async today(userId: string, limit = DEFAULT_QUEUE_LIMIT): Promise<TodayQueue> {
    const now = this.clock();
    const week = this.weekOf(now);
    const { activeCohorts } = await this.activeSet(userId, week);
    const { items, total } = await this.store.dueCards(userId, {
      cohorts: activeCohorts,
      dueBefore: startOfLocalDay(now, this.settings.timeZone, 1),
      learningDueBefore: new Date(now.getTime() + LEARN_AHEAD_MS),
      limit,
    });
    return { day: dayOf(now, this.settings.timeZone), week, activeCohorts, items: items.map(toTodayCard), total };
  }

  async schedule(userId: string): Promise<MySchedule> {
    const now = this.clock();
    const { timeZone, cohortCycle } = this.settings;
    const week = this.weekOf(now);
    const [student, sizes, due, reviews, { activeCohorts, rotatedWeek }] = await Promise.all([
      this.store.student(userId),
      this.store.cohortSizes(userId),
      this.store.dueByCohort(userId, startOfLocalDay(now, timeZone, 1)),
      this.store.reviewCounts(userId, { todayFrom: startOfLocalDay(now, timeZone), retentionFrom: startOfLocalDay(now, timeZone) }),
      this.activeSet(userId, week),
    ]);
    // The projection the rotation reads is repaired here when it drifted from the cards.
    if (student && !sameSizes(student.cohorts, sizes)) await this.store.reconcileCohortSizes(userId, now);
    const cohorts = Object.keys(sizes)
      .sort()
      .reverse()
      .map((cohort) => {
        const active = activeCohorts.includes(cohort);
        return {
          week: cohort,
          size: sizes[cohort],
          position: active ? cyclePosition(cohort, week, cohortCycle) : null,
          activeThisWeek: active,
          nextActiveWeek: nextActiveWeek(cohort, week, cohortCycle),
          activeWeeks: activeWeeksOf(cohort, cohortCycle),
          dueToday: active ? (due[cohort] ?? 0) : 0,
        };
      });
    return {
      timeZone,
      day: dayOf(now, timeZone),
      week,
      cycleWeeks: [...cohortCycle],
      rotatedWeek,
      activeCohorts,
      cohorts,
      upcoming: upcomingWeeks(week, UPCOMING_WEEKS, sizes, cohortCycle),
      dueToday: cohorts.reduce((sum, cohort) => sum + cohort.dueToday, 0),
      doneToday: reviews.today,
    };
  }

  async stats(userId: string): Promise<LearningStats> {
    const now = this.clock();
    const { timeZone } = this.settings;
    const [states, reviews, { activeCohorts }, due] = await Promise.all([
      this.store.stateCounts(userId),
      this.store.reviewCounts(userId, { todayFrom: startOfLocalDay(now, timeZone), retentionFrom: new Date(now.getTime() - 30 * DAY_MS) }),
      this.activeSet(userId, this.weekOf(now)),
      this.store.dueByCohort(userId, startOfLocalDay(now, timeZone, 1)),
    ]);
    return {
      day: dayOf(now, timeZone),
      cards: { total: states.new + states.learning + states.review + states.relearning, ...states },
      dueToday: activeCohorts.reduce((sum, cohort) => sum + (due[cohort] ?? 0), 0),
      reviewedToday: reviews.today,
      retention30d: {
        reviews: reviews.retentionReviews,
        remembered: reviews.remembered,
        rate: reviews.retentionReviews > 0 ? reviews.remembered / reviews.retentionReviews : null,
      },
    };
  }

  /** Everything learning cards hold about the user, for the GDPR export. */
  async exportUser(userId: string): Promise<Record<string, unknown>> {
    const { cards, removed, reviews, student, weeks } = await this.store.userData(userId);
    return {
      words: cards.map((card) => ({
        ...toMyWord(card),
        savedFromText: card.textId,
        stability: card.memory.stability,
        difficulty: card.memory.difficulty,
      })),
      removedWords: removed.map((card) => ({ id: card.id, cohortWeek: card.cohortWeek, removedAt: card.removedAt.toISOString() })),
      reviews: reviews
        .filter((review) => review.applied)
        .map((review) => ({
          reviewId: review.reviewId,
          userWordId: review.userWordId,
          rating: review.rating,
          answeredAt: review.answeredAt?.toISOString() ?? null,
          durationMs: review.durationMs,
          stateBefore: review.stateBefore,
          stateAfter: review.outcome?.state ?? null,
          dueAfter: review.outcome?.dueAt ?? null,
        })),
      cohortSizes: student ? student.cohorts : null,
      weeklyActiveSets: weeks.map((week) => ({ ...week, rotatedAt: week.rotatedAt.toISOString() })),
    };
  }

  async eraseUser(userId: string): Promise<void> {
    await this.store.erase(userId, this.clock());
  }

  /**
   * This week's new cohort is always active; older ones as the rotation set them for this week,
   * or, until it has run (Monday 00:00-03:00, or a late run), for last week.
   */
  private async activeSet(userId: string, week: string): Promise<{ activeCohorts: string[]; rotatedWeek: string | null }> {
    const rotated = await this.store.activeSet(userId, [week, addWeeks(week, -1)]);
    const older = (rotated?.activeCohorts ?? []).filter((cohort) => cohort !== week);
    return { activeCohorts: [week, ...older], rotatedWeek: rotated?.week ?? null };
  }

  private weekOf(at: Date): string {
    return isoWeekOf(at, this.settings.timeZone);
  }

  private newCard(
    userId: string,
    id: string,
    word: Pick<LearningCardRecord, 'lemma' | 'article' | 'translation' | 'note' | 'context' | 'source' | 'wordId' | 'savedId' | 'textId'>,
    at: Date,
  ): LearningCardRecord {
    return {
      id,
      userId,
      ...word,
      lemmaKey: lemmaKey(word.lemma),
      cohortWeek: this.weekOf(at),
      addedAt: at,
      memory: LearningScheduler.newCard(at),
      version: 0,
      lastReviews: [],
    };
  }

  private addedEvent(card: LearningCardRecord, meta: { actorId?: string; causationId?: string }): EventEnvelope {
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

  private async completeLog(body: LearningReviewBody, card: LearningCardRecord, outcome: ReviewOutcome, stateBefore: LearningCardRecord['memory']['state'], now: Date) {
    await this.store.completeReview(body.reviewId, {
      outcome,
      cohortWeek: card.cohortWeek,
      rating: body.rating,
      stateBefore,
      answeredAt: new Date(body.answeredAt),
      durationMs: body.durationMs,
      appliedAt: now,
    });
  }

  private async lookUp(wordId: string) {
    try {
      return await this.dictionary.findWord(wordId);
    } catch (error) {
      if (error instanceof DictionaryMissingError) throw learningErrors.dictionaryUnavailable();
      throw error;
    }
  }

  /** A missing dictionary must not keep a reader event failing for ever: the word comes without translation. */
  private async readerTranslation(wordId: string): Promise<string | null> {
    try {
      const entry = await this.dictionary.findWord(wordId);
      return entry ? pickTranslation(entry.translations, undefined) : null;
    } catch (error) {
      if (error instanceof DictionaryMissingError) return null;
      throw error;
    }
  }
}

/** Thrown by a DictionaryLookup when no dictionary is provided in this build. */
export class DictionaryMissingError extends Error {
  constructor() {
    super('No DictionaryLookup is provided under DICTIONARY_LOOKUP');
    this.name = 'DictionaryMissingError';
  }
}

/** A v5-style name-based UUID: the same save of the same student always names the same card. */
export function readerCardId(userId: string, savedId: string): string {
  const hash = createHash('sha1').update(`${READER_CARD_NAMESPACE}\n${userId}\n${savedId}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function pickTranslation(translations: Readonly<Record<string, string>>, language: string | undefined): string | null {
  return translations[language ?? DEFAULT_LANGUAGE] ?? translations[DEFAULT_LANGUAGE] ?? Object.values(translations)[0] ?? null;
}

function normaliseText(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ');
}

function sameSizes(a: Record<string, number>, b: Record<string, number>): boolean {
  const weeks = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...weeks].every((week) => (a[week] ?? 0) === (b[week] ?? 0));
}

function toMyWord(card: LearningCardRecord): MyWord {
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

function toTodayCard(card: LearningCardRecord): TodayCard {
  const front = card.article ? `${card.article} ${card.lemma}` : card.lemma;
  return {
    userWordId: card.id,
    prompt: { front, back: card.translation ?? card.context ?? '' },
    lemma: card.lemma,
    article: card.article,
    translation: card.translation,
    note: card.note,
    context: card.context,
    cohortWeek: card.cohortWeek,
    state: card.memory.state,
    dueAt: card.memory.due.toISOString(),
  };
}
