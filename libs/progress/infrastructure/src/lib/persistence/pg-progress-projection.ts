import { createHash } from 'node:crypto';
import { statementName } from './statement-name';
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { dayOf, isoWeekOf } from '@tall/platform/calendar';
import { sqlIdentifier } from '@tall/platform/database';
import type { AppliedEvent, ProgressProjection } from '@tall/progress/application';
import { PROGRESS_TIME_ZONE } from '@tall/progress/contracts';
import {
  thematicReviewEffect,
  type ActivityResultRecorded,
  type ExerciseCompleted,
  type LearningReviewed,
  type ProgressFact,
  type ReadingTestCompleted,
  type TextReading,
  type ThematicReviewed,
  type VideoQuestionAnswered,
  type VideoWatching,
} from '@tall/progress/domain';

/** Ids whose records a fact touches: their erasure stops it, and their lock orders it. */
function subjectsOf(fact: ProgressFact): string[] {
  return fact.kind === 'studentLinked' || fact.kind === 'studentUnlinked' ? [fact.teacherId, fact.studentId] : [fact.userId];
}

/** Column deltas of one activity on the user's counters. */
interface ActivityDelta {
  at: Date;
  reviews: number;
  correct: number;
  thematic: number;
  learning: number;
  durationMs: number;
  wordsSeen: number;
  wordsMastered: number;
}

/**
 * The read model's write side on PostgreSQL. Each fact is applied in one transaction with its
 * inbox row, under a per-user advisory lock: facts of one user from different topics (processed
 * concurrently by the relay's sources or by instances) serialise, so counters derived from
 * several rows (days active, the latest run) are computed from committed rows only.
 */
export class PgProgressProjection implements ProgressProjection {
  private readonly s: string;
  private readonly lockClass: number;

  constructor(
    private readonly pool: Pool,
    readonly schema: string,
  ) {
    this.s = sqlIdentifier(schema);
    this.lockClass = createHash('sha256').update(`tall.progress.${schema}`).digest().readInt32BE(0);
  }

  async apply(event: AppliedEvent, fact: ProgressFact): Promise<boolean> {
    const subjects = subjectsOf(fact);
    // Sorted, so two facts locking the same pair of users cannot deadlock. The lock ids are
    // integers computed here, so BEGIN and the locks travel in one round trip.
    const locks = [...new Set(subjects)]
      .sort()
      .map((id) => `SELECT pg_advisory_xact_lock(${this.lockClass}, ${lockObject(id)});`)
      .join(' ');
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query(`BEGIN; ${locks}`);
      const applied = await this.applyLocked(client, event, fact, subjects);
      await client.query('COMMIT');
      return applied;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true; // the connection itself failed: not back into the pool
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }

  private async applyLocked(tx: PoolClient, event: AppliedEvent, fact: ProgressFact, subjects: string[]): Promise<boolean> {
    // Activities, by far the most frequent, claim the inbox inside their first statement.
    if (fact.kind === 'thematicReviewed') return this.thematicReview(tx, event, fact);
    if (fact.kind === 'learningReviewed') return this.learningReview(tx, event, fact);
    if (fact.kind === 'activityResult') return this.activityResult(tx, event, fact);
    if (fact.kind === 'textReading') return this.textReading(tx, event, fact);
    if (fact.kind === 'readingTestCompleted') return this.readingTest(tx, event, fact);
    if (fact.kind === 'videoWatching') return this.videoWatching(tx, event, fact);
    if (fact.kind === 'videoQuestionAnswered') return this.videoAnswer(tx, event, fact);
    if (fact.kind === 'exerciseCompleted') return this.exerciseAttempt(tx, event, fact);
    if (!(await this.claim(tx, event, subjects))) return false;
    await this.effect(tx, fact);
    return true;
  }

  /** Records the event in the inbox, unless it was applied before or concerns an erased user. */
  private async claim(tx: PoolClient, event: AppliedEvent, subjects: string[]): Promise<boolean> {
    const { rowCount } = await tx.query(
      `INSERT INTO ${this.s}.inbox (event_id, handler)
       SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM ${this.s}.erased_users WHERE user_id = ANY($3::uuid[]))
       ON CONFLICT DO NOTHING`,
      [event.eventId, event.handler, subjects],
    );
    return rowCount === 1;
  }

  /**
   * The hot statements are prepared once per connection (named per schema), so each event skips
   * parsing and planning them again.
   */
  private prepared<R extends QueryResultRow = QueryResultRow>(tx: PoolClient, name: string, text: string, values: unknown[]) {
    return tx.query<R>({ name: statementName(`${this.schema}:${name}`), text, values });
  }

  /** The same claim as a CTE (`claim`): the statement's other parts run only when it inserted. */
  private claimCte(eventId: string, handler: string, user: string): string {
    return `claim AS (
         INSERT INTO ${this.s}.inbox (event_id, handler)
         SELECT ${eventId}::uuid, ${handler}::text WHERE NOT EXISTS (SELECT 1 FROM ${this.s}.erased_users WHERE user_id = ${user}::uuid)
         ON CONFLICT DO NOTHING RETURNING 1)`;
  }

  private async effect(tx: PoolClient, fact: ProgressFact): Promise<void> {
    const s = this.s;
    switch (fact.kind) {
      case 'userRegistered':
        await tx.query(
          `INSERT INTO ${s}.users (user_id, role, registered_at) VALUES ($1, $2, $3)
           ON CONFLICT (user_id) DO UPDATE SET role = EXCLUDED.role, registered_at = EXCLUDED.registered_at`,
          [fact.userId, fact.role, fact.at],
        );
        return;
      case 'roleChanged':
        await tx.query(`INSERT INTO ${s}.users (user_id, role) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET role = EXCLUDED.role`, [fact.userId, fact.role]);
        return;
      case 'statusChanged':
        await tx.query(
          `INSERT INTO ${s}.users (user_id, role, status) VALUES ($1, $2, $3)
           ON CONFLICT (user_id) DO UPDATE SET role = EXCLUDED.role, status = EXCLUDED.status`,
          [fact.userId, fact.role, fact.status],
        );
        return;
      case 'userDeleted':
        await this.erase(tx, fact.userId, fact.at);
        return;
      case 'studentLinked':
        await tx.query(`INSERT INTO ${s}.teacher_students (teacher_id, student_id, linked_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
          fact.teacherId,
          fact.studentId,
          fact.at,
        ]);
        return;
      case 'studentUnlinked':
        await tx.query(`DELETE FROM ${s}.teacher_students WHERE teacher_id = $1 AND student_id = $2`, [fact.teacherId, fact.studentId]);
        return;
      case 'thematicReviewed':
      case 'learningReviewed':
      case 'activityResult':
      case 'textReading':
      case 'readingTestCompleted':
      case 'videoWatching':
      case 'videoQuestionAnswered':
      case 'exerciseCompleted':
        throw new Error(`${fact.kind} is applied with its own claim (applyLocked)`);
      case 'topicProgressed':
        // Absolute counts: the latest `at` wins, whatever order they arrive in.
        await tx.query(
          `INSERT INTO ${s}.topic_progress (user_id, topic_id, topic_slug, level, word_count, seen, learning, mastered, mastery, progressed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (user_id, topic_id) DO UPDATE SET topic_slug = EXCLUDED.topic_slug, level = EXCLUDED.level, word_count = EXCLUDED.word_count,
             seen = EXCLUDED.seen, learning = EXCLUDED.learning, mastered = EXCLUDED.mastered, mastery = EXCLUDED.mastery, progressed_at = EXCLUDED.progressed_at
           WHERE topic_progress.progressed_at IS NULL OR topic_progress.progressed_at <= EXCLUDED.progressed_at`,
          [fact.userId, fact.topicId, fact.topicSlug, fact.level, fact.wordCount, fact.seen, fact.learning, fact.mastered, fact.mastery, fact.at],
        );
        return;
      case 'topicMastered':
        await tx.query(
          `INSERT INTO ${s}.topic_progress (user_id, topic_id, topic_slug, level, mastered_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (user_id, topic_id) DO UPDATE SET mastered_at = GREATEST(topic_progress.mastered_at, EXCLUDED.mastered_at),
             topic_slug = COALESCE(topic_progress.topic_slug, EXCLUDED.topic_slug), level = COALESCE(topic_progress.level, EXCLUDED.level)`,
          [fact.userId, fact.topicId, fact.topicSlug, fact.level, fact.at],
        );
        return;
      case 'learningWordAdded':
        await tx.query(
          `INSERT INTO ${s}.learning_cards (user_id, user_word_id, cohort_week, source, added_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (user_id, user_word_id) DO UPDATE SET cohort_week = EXCLUDED.cohort_week, source = EXCLUDED.source, added_at = EXCLUDED.added_at`,
          [fact.userId, fact.userWordId, fact.cohortWeek, fact.source, fact.at],
        );
        return;
      case 'learningWordRemoved':
        await tx.query(`DELETE FROM ${s}.learning_cards WHERE user_id = $1 AND user_word_id = $2`, [fact.userId, fact.userWordId]);
        return;
      case 'learningWeekRotated':
        await tx.query(
          `INSERT INTO ${s}.learning_weeks (user_id, week, active_cohorts, active_cards, new_cohort_cards, rotated_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (user_id, week) DO UPDATE SET active_cohorts = EXCLUDED.active_cohorts, active_cards = EXCLUDED.active_cards,
             new_cohort_cards = EXCLUDED.new_cohort_cards, rotated_at = EXCLUDED.rotated_at
           WHERE learning_weeks.rotated_at <= EXCLUDED.rotated_at`,
          [fact.userId, fact.week, fact.activeCohorts, fact.activeCards, fact.newCohortCards, fact.at],
        );
        return;
    }
  }

  private async thematicReview(tx: PoolClient, event: AppliedEvent, fact: ThematicReviewed): Promise<boolean> {
    const correct = fact.correct ? 1 : 0;
    const { rows } = await this.prepared<{ claimed: boolean; known: boolean; previous_mastered: boolean | null; new_day: boolean }>(
      tx,
      'thematic-review',
      `WITH ${this.claimCte('$10', '$11', '$1')},
       previous AS (
         SELECT mastered FROM ${this.s}.thematic_words WHERE user_id = $1::uuid AND word_id = $2::text
       ), word AS (
         INSERT INTO ${this.s}.thematic_words (user_id, word_id, topic_id, box, mastered, reviews, correct, last_answered_at)
         SELECT $1::uuid, $2::text, $3::text, $4::int, $5::boolean, 1, $6::int, $7::timestamptz WHERE EXISTS (SELECT 1 FROM claim)
         ON CONFLICT (user_id, word_id) DO UPDATE SET topic_id = EXCLUDED.topic_id, box = EXCLUDED.box, mastered = EXCLUDED.mastered,
           reviews = thematic_words.reviews + 1, correct = thematic_words.correct + EXCLUDED.correct,
           last_answered_at = GREATEST(thematic_words.last_answered_at, EXCLUDED.last_answered_at)
       ), day AS (${this.dayUpsert('$1', '$8', '1', '$6', '1', '0', '$9')})
       SELECT EXISTS (SELECT 1 FROM claim) AS claimed, EXISTS (SELECT 1 FROM previous) AS known, (SELECT mastered FROM previous) AS previous_mastered,
         COALESCE((SELECT inserted FROM day), false) AS new_day`,
      [
        fact.userId, fact.wordId, fact.topicId, fact.toBox, fact.mastered, correct, fact.answeredAt,
        dayOf(fact.answeredAt, PROGRESS_TIME_ZONE), fact.durationMs, event.eventId, event.handler,
      ],
    );
    const { claimed, known, previous_mastered: previousMastered, new_day: newDay } = rows[0];
    if (!claimed) return false;
    const effect = thematicReviewEffect(known ? { mastered: previousMastered === true } : null, fact.mastered);
    await this.countActivity(
      tx,
      fact.userId,
      newDay,
      { at: fact.answeredAt, reviews: 1, correct, thematic: 1, learning: 0, durationMs: fact.durationMs, wordsSeen: effect.newWord ? 1 : 0, wordsMastered: effect.masteredChange },
      effect.masteredChange === 0 ? undefined : { week: isoWeekOf(fact.answeredAt, PROGRESS_TIME_ZONE), change: effect.masteredChange },
    );
    return true;
  }

  private async learningReview(tx: PoolClient, event: AppliedEvent, fact: LearningReviewed): Promise<boolean> {
    const correct = fact.correct ? 1 : 0;
    const { rows } = await this.prepared<{ claimed: boolean; new_day: boolean }>(
      tx,
      'learning-review',
      `WITH ${this.claimCte('$10', '$11', '$1')},
       card AS (
         INSERT INTO ${this.s}.learning_cards (user_id, user_word_id, cohort_week, state, due_at, reviews, correct, last_answered_at)
         SELECT $1::uuid, $2::text, $3::text, $4::text, $5::timestamptz, 1, $6::int, $7::timestamptz WHERE EXISTS (SELECT 1 FROM claim)
         ON CONFLICT (user_id, user_word_id) DO UPDATE SET cohort_week = EXCLUDED.cohort_week, state = EXCLUDED.state, due_at = EXCLUDED.due_at,
           reviews = learning_cards.reviews + 1, correct = learning_cards.correct + EXCLUDED.correct,
           last_answered_at = GREATEST(learning_cards.last_answered_at, EXCLUDED.last_answered_at)
       ), day AS (${this.dayUpsert('$1', '$8', '1', '$6', '0', '1', '$9')})
       SELECT EXISTS (SELECT 1 FROM claim) AS claimed, COALESCE((SELECT inserted FROM day), false) AS new_day`,
      [
        fact.userId, fact.userWordId, fact.cohortWeek, fact.state, fact.dueAt, correct, fact.answeredAt,
        dayOf(fact.answeredAt, PROGRESS_TIME_ZONE), fact.durationMs, event.eventId, event.handler,
      ],
    );
    if (!rows[0].claimed) return false;
    await this.countActivity(tx, fact.userId, rows[0].new_day, {
      at: fact.answeredAt, reviews: 1, correct, thematic: 0, learning: 1, durationMs: fact.durationMs, wordsSeen: 0, wordsMastered: 0,
    });
    return true;
  }

  private async activityResult(tx: PoolClient, event: AppliedEvent, fact: ActivityResultRecorded): Promise<boolean> {
    const { rows } = await this.prepared<{ claimed: boolean; new_day: boolean }>(
      tx,
      'activity-result',
      `WITH ${this.claimCte('$7', '$8', '$1')},
       result AS (${this.resultUpsert('$1', '$2', '$3', '$4', '$5', 'claim')}
       ), day AS (${this.dayUpsert('$1', '$6', '0', '0', '0', '0', '0')})
       SELECT EXISTS (SELECT 1 FROM claim) AS claimed, COALESCE((SELECT inserted FROM day), false) AS new_day`,
      [fact.userId, fact.resultKind, fact.itemId, fact.score, fact.at, dayOf(fact.at, PROGRESS_TIME_ZONE), event.eventId, event.handler],
    );
    if (!rows[0].claimed) return false;
    await this.countActivity(tx, fact.userId, rows[0].new_day, { at: fact.at, reviews: 0, correct: 0, thematic: 0, learning: 0, durationMs: 0, wordsSeen: 0, wordsMastered: 0 });
    return true;
  }

  /**
   * A text's row folds the reader's events together: the largest running total of seconds (progressed
   * and finished both carry the total so far), the first and last reading, the earliest finish.
   * GREATEST and LEAST make a duplicate harmless and the order of arrival irrelevant. Reading is
   * activity: the day and the counters count it, without review time.
   */
  private async textReading(tx: PoolClient, event: AppliedEvent, fact: TextReading): Promise<boolean> {
    const { rows } = await this.prepared<{ claimed: boolean; new_day: boolean }>(
      tx,
      'text-reading',
      `WITH ${this.claimCte('$5', '$6', '$1')},
       reading AS (
         INSERT INTO ${this.s}.reader_texts (user_id, text_id, reading_seconds, first_read_at, last_read_at, finished_at)
         SELECT $1::uuid, $2::text, $3::int, $4::timestamptz, $4::timestamptz, CASE WHEN $7::boolean THEN $4::timestamptz END WHERE EXISTS (SELECT 1 FROM claim)
         ON CONFLICT (user_id, text_id) DO UPDATE SET reading_seconds = GREATEST(reader_texts.reading_seconds, EXCLUDED.reading_seconds),
           first_read_at = LEAST(reader_texts.first_read_at, EXCLUDED.first_read_at), last_read_at = GREATEST(reader_texts.last_read_at, EXCLUDED.last_read_at),
           finished_at = LEAST(reader_texts.finished_at, EXCLUDED.finished_at)
       ), day AS (${this.dayUpsert('$1', '$8', '0', '0', '0', '0', '0')})
       SELECT EXISTS (SELECT 1 FROM claim) AS claimed, COALESCE((SELECT inserted FROM day), false) AS new_day`,
      [fact.userId, fact.textId, fact.readingSeconds ?? 0, fact.at, event.eventId, event.handler, fact.step === 'finished', dayOf(fact.at, PROGRESS_TIME_ZONE)],
    );
    if (!rows[0].claimed) return false;
    await this.countActivity(tx, fact.userId, rows[0].new_day, { at: fact.at, reviews: 0, correct: 0, thematic: 0, learning: 0, durationMs: 0, wordsSeen: 0, wordsMastered: 0 });
    return true;
  }

  /**
   * An attempt is a row of its own, keyed by the reader's attempt id: the same attempt under another
   * event id (a republished event) adds nothing. The attempt also feeds the record's `reading`
   * slot (activity_results, per text: attempts, best and latest score as a share) and the day.
   */
  private async readingTest(tx: PoolClient, event: AppliedEvent, fact: ReadingTestCompleted): Promise<boolean> {
    const { rows } = await this.prepared<{ claimed: boolean; recorded: boolean; new_day: boolean }>(
      tx,
      'reading-test',
      `WITH ${this.claimCte('$10', '$11', '$1')},
       attempt AS (
         INSERT INTO ${this.s}.reader_tests (user_id, attempt_id, text_id, text_title, level, score, max_score, completed_at)
         SELECT $1::uuid, $2::uuid, $3::text, $4::text, $5::text, $6::int, $7::int, $8::timestamptz WHERE EXISTS (SELECT 1 FROM claim)
         ON CONFLICT (user_id, attempt_id) DO NOTHING RETURNING 1
       ), result AS (${this.resultUpsert('$1', `'reading'`, '$3', '$9', '$8', 'attempt')}
       ), day AS (${this.dayUpsert('$1', '$12', '0', '0', '0', '0', '0', 'attempt')})
       SELECT EXISTS (SELECT 1 FROM claim) AS claimed, EXISTS (SELECT 1 FROM attempt) AS recorded, COALESCE((SELECT inserted FROM day), false) AS new_day`,
      [
        fact.userId, fact.attemptId, fact.textId, fact.textTitle, fact.level, fact.score, fact.maxScore, fact.at,
        fact.score / fact.maxScore, event.eventId, event.handler, dayOf(fact.at, PROGRESS_TIME_ZONE),
      ],
    );
    const { claimed, recorded, new_day: newDay } = rows[0];
    if (!claimed) return false;
    if (recorded) await this.countActivity(tx, fact.userId, newDay, { at: fact.at, reviews: 0, correct: 0, thematic: 0, learning: 0, durationMs: 0, wordsSeen: 0, wordsMastered: 0 });
    return true;
  }

  /**
   * A video's row folds listening's watching events together, as a text's: the largest running
   * total of seconds (progress reports and the end both carry the total so far), the first and
   * last watching, the earliest end, the level of the latest event. GREATEST and LEAST make a
   * duplicate harmless and the order of arrival irrelevant. Watching is activity.
   */
  private async videoWatching(tx: PoolClient, event: AppliedEvent, fact: VideoWatching): Promise<boolean> {
    const { rows } = await this.prepared<{ claimed: boolean; new_day: boolean }>(
      tx,
      'video-watching',
      `WITH ${this.claimCte('$6', '$7', '$1')},
       watching AS (
         INSERT INTO ${this.s}.listening_videos (user_id, video_id, level, watched_seconds, first_watched_at, last_watched_at, completed_at)
         SELECT $1::uuid, $2::text, $3::text, $4::float8, $5::timestamptz, $5::timestamptz, CASE WHEN $8::boolean THEN $5::timestamptz END WHERE EXISTS (SELECT 1 FROM claim)
         ON CONFLICT (user_id, video_id) DO UPDATE SET
           level = CASE WHEN EXCLUDED.last_watched_at >= listening_videos.last_watched_at THEN EXCLUDED.level ELSE listening_videos.level END,
           watched_seconds = GREATEST(listening_videos.watched_seconds, EXCLUDED.watched_seconds),
           first_watched_at = LEAST(listening_videos.first_watched_at, EXCLUDED.first_watched_at),
           last_watched_at = GREATEST(listening_videos.last_watched_at, EXCLUDED.last_watched_at),
           completed_at = LEAST(listening_videos.completed_at, EXCLUDED.completed_at)
       ), day AS (${this.dayUpsert('$1', '$9', '0', '0', '0', '0', '0')})
       SELECT EXISTS (SELECT 1 FROM claim) AS claimed, COALESCE((SELECT inserted FROM day), false) AS new_day`,
      [fact.userId, fact.videoId, fact.level, fact.watchedSeconds ?? 0, fact.at, event.eventId, event.handler, fact.step === 'completed', dayOf(fact.at, PROGRESS_TIME_ZONE)],
    );
    if (!rows[0].claimed) return false;
    await this.countActivity(tx, fact.userId, rows[0].new_day, { at: fact.at, reviews: 0, correct: 0, thematic: 0, learning: 0, durationMs: 0, wordsSeen: 0, wordsMastered: 0 });
    return true;
  }

  /**
   * A question's row counts its answers and skips and keeps the verdict of its latest answer (not
   * a skip; the later `at` wins, so a late, older answer does not overwrite a newer one). What the
   * record shows of it (asked, answered, right) depends only on the set of answers, so an answer
   * republished under another event id changes no figure but the count of answers.
   */
  private async videoAnswer(tx: PoolClient, event: AppliedEvent, fact: VideoQuestionAnswered): Promise<boolean> {
    const answered = fact.verdict !== 'skipped';
    const { rows } = await this.prepared<{ claimed: boolean; new_day: boolean }>(
      tx,
      'video-answer',
      `WITH ${this.claimCte('$9', '$10', '$1')},
       question AS (
         INSERT INTO ${this.s}.listening_questions (user_id, video_id, question_id, question_kind, answers, skips, correct, answered_at, first_at, last_at)
         SELECT $1::uuid, $2::text, $3::text, $4::text, $5::int, 1 - $5::int, $6::boolean, CASE WHEN $5::int = 1 THEN $7::timestamptz END, $7::timestamptz, $7::timestamptz
         WHERE EXISTS (SELECT 1 FROM claim)
         ON CONFLICT (user_id, video_id, question_id) DO UPDATE SET question_kind = EXCLUDED.question_kind,
           answers = listening_questions.answers + EXCLUDED.answers, skips = listening_questions.skips + EXCLUDED.skips,
           correct = CASE WHEN EXCLUDED.answered_at IS NOT NULL AND (listening_questions.answered_at IS NULL OR EXCLUDED.answered_at >= listening_questions.answered_at)
             THEN EXCLUDED.correct ELSE listening_questions.correct END,
           answered_at = GREATEST(listening_questions.answered_at, EXCLUDED.answered_at),
           first_at = LEAST(listening_questions.first_at, EXCLUDED.first_at), last_at = GREATEST(listening_questions.last_at, EXCLUDED.last_at)
       ), day AS (${this.dayUpsert('$1', '$8', '0', '0', '0', '0', '0')})
       SELECT EXISTS (SELECT 1 FROM claim) AS claimed, COALESCE((SELECT inserted FROM day), false) AS new_day`,
      [
        fact.userId, fact.videoId, fact.questionId, fact.questionKind, answered ? 1 : 0, answered ? fact.verdict === 'correct' : null, fact.at,
        dayOf(fact.at, PROGRESS_TIME_ZONE), event.eventId, event.handler,
      ],
    );
    if (!rows[0].claimed) return false;
    await this.countActivity(tx, fact.userId, rows[0].new_day, { at: fact.at, reviews: 0, correct: 0, thematic: 0, learning: 0, durationMs: 0, wordsSeen: 0, wordsMastered: 0 });
    return true;
  }

  /**
   * An exercise attempt is a row of its own, keyed by the exercises context's attempt id, as a
   * reader's test attempt: the same attempt under another event id adds nothing. It also feeds the
   * record's `exercises` slot (activity_results, per exercise) and the day.
   */
  private async exerciseAttempt(tx: PoolClient, event: AppliedEvent, fact: ExerciseCompleted): Promise<boolean> {
    const { rows } = await this.prepared<{ claimed: boolean; recorded: boolean; new_day: boolean }>(
      tx,
      'exercise-attempt',
      `WITH ${this.claimCte('$12', '$13', '$1')},
       attempt AS (
         INSERT INTO ${this.s}.exercise_attempts (user_id, attempt_id, exercise_id, exercise_type, level, source, week_start, score, max_score, completed_at)
         SELECT $1::uuid, $2::uuid, $3::text, $4::text, $5::text, $6::text, $7::date, $8::int, $9::int, $10::timestamptz WHERE EXISTS (SELECT 1 FROM claim)
         ON CONFLICT (user_id, attempt_id) DO NOTHING RETURNING 1
       ), result AS (${this.resultUpsert('$1', `'exercise'`, '$3', '$11', '$10', 'attempt')}
       ), day AS (${this.dayUpsert('$1', '$14', '0', '0', '0', '0', '0', 'attempt')})
       SELECT EXISTS (SELECT 1 FROM claim) AS claimed, EXISTS (SELECT 1 FROM attempt) AS recorded, COALESCE((SELECT inserted FROM day), false) AS new_day`,
      [
        fact.userId, fact.attemptId, fact.exerciseId, fact.exerciseType, fact.level, fact.source, fact.weekStart, fact.score, fact.maxScore, fact.at,
        fact.score / fact.maxScore, event.eventId, event.handler, dayOf(fact.at, PROGRESS_TIME_ZONE),
      ],
    );
    const { claimed, recorded, new_day: newDay } = rows[0];
    if (!claimed) return false;
    if (recorded) await this.countActivity(tx, fact.userId, newDay, { at: fact.at, reviews: 0, correct: 0, thematic: 0, learning: 0, durationMs: 0, wordsSeen: 0, wordsMastered: 0 });
    return true;
  }

  /**
   * One more attempt at an item of `activity_results`, when the statement's `when` CTE returned a
   * row: attempts add up, the best score is the largest, the last is that of the latest `at`.
   */
  private resultUpsert(user: string, kind: string, item: string, score: string, at: string, when: string): string {
    return `
         INSERT INTO ${this.s}.activity_results (user_id, kind, item_id, attempts, best_score, last_score, first_at, last_at)
         SELECT ${user}::uuid, ${kind}::text, ${item}::text, 1, ${score}::float8, ${score}::float8, ${at}::timestamptz, ${at}::timestamptz WHERE EXISTS (SELECT 1 FROM ${when})
         ON CONFLICT (user_id, kind, item_id) DO UPDATE SET attempts = activity_results.attempts + 1,
           best_score = GREATEST(activity_results.best_score, EXCLUDED.best_score),
           last_score = CASE WHEN EXCLUDED.last_at >= activity_results.last_at THEN EXCLUDED.last_score ELSE activity_results.last_score END,
           first_at = LEAST(activity_results.first_at, EXCLUDED.first_at), last_at = GREATEST(activity_results.last_at, EXCLUDED.last_at)`;
  }

  /**
   * One more activity on the user's day, when the statement's `when` CTE (its claim, unless told)
   * returned a row; `inserted` tells whether the day is new.
   */
  private dayUpsert(user: string, day: string, reviews: string, correct: string, thematic: string, learning: string, durationMs: string, when = 'claim'): string {
    return `INSERT INTO ${this.s}.daily_activity (user_id, day, activities, reviews, correct, thematic_reviews, learning_reviews, duration_ms)
       SELECT ${user}::uuid, ${day}::date, 1, ${reviews}::int, ${correct}::int, ${thematic}::int, ${learning}::int, ${durationMs}::bigint WHERE EXISTS (SELECT 1 FROM ${when})
       ON CONFLICT (user_id, day) DO UPDATE SET activities = daily_activity.activities + 1, reviews = daily_activity.reviews + EXCLUDED.reviews,
         correct = daily_activity.correct + EXCLUDED.correct, thematic_reviews = daily_activity.thematic_reviews + EXCLUDED.thematic_reviews,
         learning_reviews = daily_activity.learning_reviews + EXCLUDED.learning_reviews, duration_ms = daily_activity.duration_ms + EXCLUDED.duration_ms
       RETURNING (xmax = 0) AS inserted`;
  }

  /**
   * The user's counters. On a new active day, days active and the latest run are recounted from
   * the day rows (the advisory lock makes them complete), so they depend only on the set of days,
   * not on the order events arrived in.
   */
  private async countActivity(tx: PoolClient, userId: string, newDay: boolean, delta: ActivityDelta, mastery?: { week: string; change: number }): Promise<void> {
    const s = this.s;
    const params: unknown[] = [userId, delta.at, delta.reviews, delta.correct, delta.thematic, delta.learning, delta.durationMs, delta.wordsSeen, delta.wordsMastered];
    const ctes: string[] = [];
    if (newDay) {
      ctes.push(`run AS (
           SELECT max(day) AS end_day, count(*)::int AS length FROM (
             SELECT day, day - (row_number() OVER (ORDER BY day))::int AS island, max(day) OVER () - (count(*) OVER ())::int AS last_island
             FROM ${s}.daily_activity WHERE user_id = $1) days
           WHERE island = last_island)`);
    }
    if (mastery) {
      const week = `$${params.push(mastery.week)}`;
      const gained = `$${params.push(mastery.change > 0 ? 1 : 0)}`;
      const lost = `$${params.push(mastery.change < 0 ? 1 : 0)}`;
      ctes.push(`mastery AS (
           INSERT INTO ${s}.weekly_mastery (user_id, week, gained, lost) VALUES ($1, ${week}, ${gained}, ${lost})
           ON CONFLICT (user_id, week) DO UPDATE SET gained = weekly_mastery.gained + EXCLUDED.gained, lost = weekly_mastery.lost + EXCLUDED.lost)`);
    }
    const dayColumns = newDay ? ', days_active, run_end_day, run_length' : '';
    const dayValues = newDay ? `, (SELECT count(*)::int FROM ${s}.daily_activity WHERE user_id = $1), (SELECT end_day FROM run), (SELECT length FROM run)` : '';
    const dayUpdates = newDay ? ', days_active = EXCLUDED.days_active, run_end_day = EXCLUDED.run_end_day, run_length = EXCLUDED.run_length' : '';
    await this.prepared(
      tx,
      `counters${newDay ? '-new-day' : ''}${mastery ? '-mastery' : ''}`,
      `${ctes.length > 0 ? `WITH ${ctes.join(', ')}` : ''}
       INSERT INTO ${s}.users (user_id, first_active_at, last_active_at, reviews_total, reviews_correct, thematic_reviews, learning_reviews,
         review_duration_ms, words_seen, words_mastered${dayColumns})
       VALUES ($1, $2, $2, $3, $4, $5, $6, $7, $8, $9${dayValues})
       ON CONFLICT (user_id) DO UPDATE SET
         first_active_at = LEAST(users.first_active_at, EXCLUDED.first_active_at),
         last_active_at = GREATEST(users.last_active_at, EXCLUDED.last_active_at),
         reviews_total = users.reviews_total + EXCLUDED.reviews_total,
         reviews_correct = users.reviews_correct + EXCLUDED.reviews_correct,
         thematic_reviews = users.thematic_reviews + EXCLUDED.thematic_reviews,
         learning_reviews = users.learning_reviews + EXCLUDED.learning_reviews,
         review_duration_ms = users.review_duration_ms + EXCLUDED.review_duration_ms,
         words_seen = users.words_seen + EXCLUDED.words_seen,
         words_mastered = users.words_mastered + EXCLUDED.words_mastered${dayUpdates}`,
      params,
    );
  }

  /** Erasure: the user's rows go, their links both ways, and a tombstone stops late events of theirs. */
  private async erase(tx: PoolClient, userId: string, at: Date): Promise<void> {
    const s = this.s;
    await tx.query(
      `WITH tombstone AS (INSERT INTO ${s}.erased_users (user_id, erased_at) VALUES ($1, $2) ON CONFLICT DO NOTHING),
       a AS (DELETE FROM ${s}.users WHERE user_id = $1),
       b AS (DELETE FROM ${s}.teacher_students WHERE teacher_id = $1 OR student_id = $1),
       c AS (DELETE FROM ${s}.daily_activity WHERE user_id = $1),
       d AS (DELETE FROM ${s}.thematic_words WHERE user_id = $1),
       e AS (DELETE FROM ${s}.weekly_mastery WHERE user_id = $1),
       f AS (DELETE FROM ${s}.topic_progress WHERE user_id = $1),
       g AS (DELETE FROM ${s}.learning_cards WHERE user_id = $1),
       h AS (DELETE FROM ${s}.learning_weeks WHERE user_id = $1),
       i AS (DELETE FROM ${s}.reader_texts WHERE user_id = $1),
       j AS (DELETE FROM ${s}.reader_tests WHERE user_id = $1),
       k AS (DELETE FROM ${s}.listening_videos WHERE user_id = $1),
       l AS (DELETE FROM ${s}.listening_questions WHERE user_id = $1),
       m AS (DELETE FROM ${s}.exercise_attempts WHERE user_id = $1)
       DELETE FROM ${s}.activity_results WHERE user_id = $1`,
      [userId, at],
    );
  }
}

/** A 32-bit lock id of a user id (collisions only serialise two users' facts). */
function lockObject(id: string): number {
  return createHash('sha256').update(id).digest().readInt32BE(0);
}
