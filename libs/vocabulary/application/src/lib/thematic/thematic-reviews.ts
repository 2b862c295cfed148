import { Inject, Injectable } from '@nestjs/common';
import { dayOf } from '@tall/platform/calendar';
import { createEvent, type EventEnvelope } from '@tall/platform/event-contracts';
import { RequestContext } from '@tall/platform/observability';
import { ANSWERED_AT_MAX_SKEW_MS, ThematicCardReviewed, type ThematicReviewBody, type ThematicReviewResult } from '@tall/vocabulary/contracts';
import {
  AnswerShapeError,
  applicableModes,
  checkAnswer,
  ModeNotApplicableError,
  VocabularyError,
  vocabularyErrors,
  type AnswerVerdict,
  type DictionaryWord,
  type LeitnerCard,
} from '@tall/vocabulary/domain';
import { DICTIONARY_STORE, type DictionaryStore } from '../dictionary/dictionary-store.port';
import { ThematicProgress } from './thematic-progress';
import { THEMATIC_SETTINGS, VOCABULARY_CLOCK, type ThematicClock, type ThematicSettings } from './thematic-settings';
import { THEMATIC_STORE, type RecentReview, type ReviewClaim, type ThematicCardRecord, type ThematicStore } from './thematic-store.port';

export type ThematicReviewOutcome =
  | { status: 'applied' | 'duplicate'; result: ThematicReviewResult }
  | { status: 'rejected'; error: VocabularyError };

/** A claim older than this without its review applied belongs to a request that died: it is taken over. */
export const STALE_CLAIM_MS = 60_000;
/** How long a repeat waits for the first arrival of a review that is still being applied. */
const IN_FLIGHT_WAIT_MS = 3_000;
const MAX_CARD_ATTEMPTS = 10;
/** Reviews kept on a card to complete interrupted ones. */
const RECENT_REVIEWS = 100;

interface Applied {
  fromBox: number;
  box: number;
  dueAt: Date;
}

/**
 * Applies thematic reviews, for a single answer, the offline batch and the recovery job alike:
 * checks each answer, moves the card through the Leitner boxes and publishes
 * `thematic.card.reviewed` in the card's own write, then refreshes the topic's progress. Each review id is applied at most once per student:
 *
 * 1. the review is claimed (a unique (user, review id) document) before the card changes;
 * 2. the card is written with a version check, its events and the review ids it now reflects;
 *    a concurrent change of the same card (another device) makes it re-read and recompute;
 * 3. the topic's progress is recomputed from the cards;
 * 4. the claim is marked applied with its result, which every repeat is answered with.
 *
 * A request that dies between 1 and 4 leaves a pending claim; a repeat of the review, or the
 * recovery job, completes it from step 2, skipping the card write when the card already lists it.
 */
@Injectable()
export class ThematicReviews {
  constructor(
    @Inject(THEMATIC_STORE) private readonly store: ThematicStore,
    @Inject(DICTIONARY_STORE) private readonly dictionary: DictionaryStore,
    @Inject(THEMATIC_SETTINGS) private readonly settings: ThematicSettings,
    @Inject(VOCABULARY_CLOCK) private readonly clock: ThematicClock,
    @Inject(ThematicProgress) private readonly progress: ThematicProgress,
  ) {}

  /** Several reviews of one student, applied per card in `answeredAt` order; one outcome per item, in the items' order. */
  async apply(userId: string, items: readonly ThematicReviewBody[], lang = 'en'): Promise<ThematicReviewOutcome[]> {
    const now = this.clock();
    const outcomes: Array<ThematicReviewOutcome | undefined> = new Array(items.length);
    const first = new Map<string, number>();
    items.forEach((item, index) => first.has(item.reviewId) || first.set(item.reviewId, index));

    // Claimed first, looked up only when refused: a fresh review (nearly all) costs no read of the
    // claims. A repeat is refused and answered from the claim it finds, as is one the checks
    // reject now (an applied review keeps its result even if its answer would no longer pass).
    const words = new Map((await this.dictionary.words([...new Set([...first.values()].map((index) => items[index].wordId))])).map((word) => [word.id, word]));
    const claims: ReviewClaim[] = [];
    const rejected = new Map<string, VocabularyError>();
    for (const [reviewId, index] of first) {
      const item = items[index];
      const word = words.get(item.wordId);
      const verdict = this.check(item, word, now, lang);
      if (verdict instanceof VocabularyError) {
        rejected.set(reviewId, verdict);
        continue;
      }
      const answeredAt = new Date(item.answeredAt);
      claims.push({
        userId,
        reviewId: item.reviewId,
        wordId: item.wordId,
        topicId: (word as DictionaryWord).topicId,
        mode: item.mode,
        answeredAt,
        durationMs: item.durationMs,
        day: dayOf(answeredAt, this.settings.timeZone),
        correct: verdict.correct,
        expected: verdict.expected,
        status: 'pending',
        claimedAt: now,
      });
    }

    const taken = claims.length > 0 ? await this.store.claim(claims) : new Set<string>();
    const lookup = [...taken, ...rejected.keys()];
    const existing = new Map(lookup.length > 0 ? (await this.store.claimsOf(userId, lookup)).map((claim) => [claim.reviewId, claim]) : []);
    const waiting: string[] = [];
    for (const reviewId of lookup) {
      const claim = existing.get(reviewId);
      const index = first.get(reviewId) as number;
      if (claim?.status === 'applied') outcomes[index] = duplicateOf(claim);
      else if (claim || taken.has(reviewId)) waiting.push(reviewId);
      else outcomes[index] = { status: 'rejected', error: rejected.get(reviewId) ?? vocabularyErrors.reviewConflict() };
    }
    const mine = claims.filter((claim) => !taken.has(claim.reviewId));
    const applied = await this.applyClaims(userId, mine, now);
    for (const claim of mine) {
      const result = applied.get(claim.reviewId);
      outcomes[first.get(claim.reviewId) as number] = result
        ? { status: 'applied', result: resultOf(claim, result, false) }
        : { status: 'rejected', error: vocabularyErrors.reviewConflict() };
    }
    for (const reviewId of waiting) outcomes[first.get(reviewId) as number] = await this.awaitRepeat(userId, reviewId);

    return items.map((item, index) => {
      const outcome = outcomes[index] ?? outcomes[first.get(item.reviewId) as number];
      if (!outcome) throw new Error(`review ${item.reviewId} has no outcome`);
      // A review id repeated inside one request is applied once; the repeats are duplicates.
      if (outcomes[index] === undefined && outcome.status !== 'rejected') return { status: 'duplicate', result: { ...outcome.result, duplicate: true } };
      return outcome;
    });
  }

  /** Completes reviews whose requests died after claiming them (the recovery job). */
  async recover(limit: number): Promise<number> {
    const now = this.clock();
    const stale = await this.store.stalePendingClaims(new Date(now.getTime() - STALE_CLAIM_MS), limit);
    let completed = 0;
    for (const claim of stale) {
      if (!(await this.store.takeOver(claim.userId, claim.reviewId, new Date(now.getTime() - STALE_CLAIM_MS), now))) continue;
      completed += (await this.applyClaims(claim.userId, [claim], now)).size;
    }
    return completed;
  }

  private check(item: ThematicReviewBody, word: DictionaryWord | undefined, now: Date, lang: string): AnswerVerdict | VocabularyError {
    const answeredAt = Date.parse(item.answeredAt);
    if (answeredAt > now.getTime() + ANSWERED_AT_MAX_SKEW_MS) return vocabularyErrors.answeredAtInFuture(item.answeredAt, now, ANSWERED_AT_MAX_SKEW_MS);
    if (!word) return vocabularyErrors.wordNotFound();
    try {
      return checkAnswer(word, item.mode, item.answer, lang);
    } catch (error) {
      if (error instanceof ModeNotApplicableError) {
        return vocabularyErrors.modeNotApplicable(error.message, { wordId: word.id, mode: item.mode, applicableModes: applicableModes(word) });
      }
      if (error instanceof AnswerShapeError) {
        return vocabularyErrors.invalidAnswer(error.message);
      }
      throw error;
    }
  }

  /** Steps 2–4 for claims this request holds. Returns the reviews applied (a card that kept conflicting is left pending). */
  private async applyClaims(userId: string, claims: readonly ReviewClaim[], now: Date): Promise<Map<string, Applied>> {
    const applied = new Map<string, Applied>();
    if (claims.length === 0) return applied;
    const byWord = new Map<string, ReviewClaim[]>();
    for (const claim of [...claims].sort((a, b) => a.answeredAt.getTime() - b.answeredAt.getTime())) {
      byWord.set(claim.wordId, [...(byWord.get(claim.wordId) ?? []), claim]);
    }
    const topics = new Set<string>();
    for (const [wordId, group] of byWord) {
      const outcome = await this.applyToCard(userId, wordId, group, now);
      if (!outcome) continue;
      outcome.results.forEach((result, reviewId) => applied.set(reviewId, result));
      // The topic's counts (seen, learning, mastered) change only with a first answer or a card
      // crossing the mastery line; most answers do neither, and their refresh would read the
      // topic's cards to write nothing. An interrupted review completed later refreshes anyway.
      if (outcome.countsMayChange) topics.add(group[0].topicId);
    }
    for (const topicId of topics) await this.progress.refresh(userId, topicId, now);
    await this.store.complete(
      userId,
      [...applied].map(([reviewId, result]) => ({ reviewId, ...result })),
      now,
    );
    return applied;
  }

  private async applyToCard(
    userId: string,
    wordId: string,
    claims: readonly ReviewClaim[],
    now: Date,
  ): Promise<{ results: Map<string, Applied>; countsMayChange: boolean } | null> {
    const { policy } = this.settings;
    for (let attempt = 0; attempt < MAX_CARD_ATTEMPTS; attempt++) {
      const card = await this.store.card(userId, wordId);
      const reflected = new Map((card?.recent ?? []).map((review) => [review.reviewId, review]));
      let state: LeitnerCard | null = card ? { box: card.box, dueAt: card.dueAt, lastAnsweredAt: card.lastAnsweredAt } : null;
      let reviews = card?.reviews ?? 0;
      let correctReviews = card?.correctReviews ?? 0;
      const recent: RecentReview[] = [...(card?.recent ?? [])];
      const results = new Map<string, Applied>();
      const events: EventEnvelope[] = [];
      // A first answer adds a seen word; a review already on the card may be one whose refresh never ran.
      let countsMayChange = card === null;
      for (const claim of claims) {
        const done = reflected.get(claim.reviewId);
        if (done) {
          results.set(claim.reviewId, { fromBox: done.fromBox, box: done.toBox, dueAt: done.dueAt });
          countsMayChange = true;
          continue;
        }
        const outcome = policy.review(state, claim.correct, claim.answeredAt);
        if (outcome.effect !== 'stale') state = { box: outcome.toBox, dueAt: outcome.dueAt, lastAnsweredAt: claim.answeredAt };
        reviews += 1;
        correctReviews += claim.correct ? 1 : 0;
        if (policy.isMastered(outcome.fromBox) !== policy.isMastered(outcome.toBox)) countsMayChange = true;
        recent.push({ reviewId: claim.reviewId, fromBox: outcome.fromBox, toBox: outcome.toBox, dueAt: outcome.dueAt });
        results.set(claim.reviewId, { fromBox: outcome.fromBox, box: outcome.toBox, dueAt: outcome.dueAt });
        events.push(
          createEvent(
            ThematicCardReviewed,
            {
              userId,
              reviewId: claim.reviewId,
              topicId: claim.topicId,
              wordId,
              mode: claim.mode,
              correct: claim.correct,
              fromBox: outcome.fromBox,
              toBox: outcome.toBox,
              mastered: policy.isMastered(outcome.toBox),
              dueAt: outcome.dueAt.toISOString(),
              answeredAt: claim.answeredAt.toISOString(),
              durationMs: claim.durationMs,
            },
            { key: userId, correlationId: RequestContext.correlationId(), actorId: userId, occurredAt: now },
          ),
        );
      }
      if (events.length === 0 || !state) return { results, countsMayChange };
      const next: ThematicCardRecord = {
        userId,
        wordId,
        topicId: claims[0].topicId,
        box: state.box,
        dueAt: state.dueAt,
        lastAnsweredAt: state.lastAnsweredAt,
        reviews,
        correctReviews,
        recent: recent.slice(-RECENT_REVIEWS),
        version: (card?.version ?? 0) + 1,
      };
      if (await this.store.saveCard(next, card?.version ?? null, events)) return { results, countsMayChange };
    }
    return null;
  }

  private async awaitRepeat(userId: string, reviewId: string): Promise<ThematicReviewOutcome> {
    const deadline = Date.now() + IN_FLIGHT_WAIT_MS;
    for (;;) {
      const [claim] = await this.store.claimsOf(userId, [reviewId]);
      if (claim?.status === 'applied') return duplicateOf(claim);
      const now = this.clock();
      const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS);
      if (claim && claim.claimedAt < staleBefore && (await this.store.takeOver(userId, reviewId, staleBefore, now))) {
        const result = (await this.applyClaims(userId, [claim], now)).get(reviewId);
        if (result) return { status: 'duplicate', result: resultOf(claim, result, true) };
      }
      if (Date.now() >= deadline) {
        return { status: 'rejected', error: vocabularyErrors.reviewInProgress() };
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function resultOf(claim: Pick<ReviewClaim, 'correct' | 'expected'>, applied: Applied, duplicate: boolean): ThematicReviewResult {
  return { correct: claim.correct, expected: claim.expected, box: applied.box, dueAt: applied.dueAt.toISOString(), duplicate };
}

function duplicateOf(claim: ReviewClaim): ThematicReviewOutcome {
  if (claim.box === undefined || claim.dueAt === undefined || claim.fromBox === undefined) throw new Error(`review ${claim.reviewId} is applied without its result`);
  return { status: 'duplicate', result: resultOf(claim, { fromBox: claim.fromBox, box: claim.box, dueAt: claim.dueAt }, true) };
}
