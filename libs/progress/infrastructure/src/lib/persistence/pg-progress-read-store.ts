import type { Pool } from 'pg';
import { sqlIdentifier } from '@tall/platform/database';
import type { ProgressReadStore, StudentPageRequest } from '@tall/progress/application';
import { REVIEW_SERIES_DAYS, type SortOrder, type StudentSortKey } from '@tall/progress/contracts';
import {
  addDays,
  streakCutoff,
  type AccountStatus,
  type ResultKind,
  type StudentActivityState,
  type StudentRecordState,
  type StudentRowState,
  type Today,
} from '@tall/progress/domain';

interface UserRow {
  status: string;
  first_active_at: Date | string | null;
  last_active_at: Date | string | null;
  days_active: number;
  run_end_day: string | null;
  run_length: number;
  reviews_total: number;
  reviews_correct: number;
  thematic_reviews: number;
  learning_reviews: number;
  words_seen: number;
  words_mastered: number;
}

const instant = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

function activityOf(row: UserRow): StudentActivityState {
  return {
    status: row.status as AccountStatus,
    firstActiveAt: instant(row.first_active_at),
    lastActiveAt: instant(row.last_active_at),
    daysActive: row.days_active,
    runEndDay: row.run_end_day,
    runLength: row.run_length,
    reviewsTotal: row.reviews_total,
    reviewsCorrect: row.reviews_correct,
    thematicReviews: row.thematic_reviews,
    learningReviews: row.learning_reviews,
    wordsSeen: row.words_seen,
    wordsMastered: row.words_mastered,
  };
}

/**
 * The sort expressions of the student tables. Streak and inactivity follow the domain's rules
 * (streakOn, isInactive) with today's bounds passed in, so the order matches the values shown.
 */
function orderBy(sort: StudentSortKey, order: SortOrder): string {
  const direction = order === 'asc' ? 'ASC' : 'DESC';
  switch (sort) {
    case 'lastActive':
      return `u.last_active_at ${direction} NULLS LAST`;
    case 'streak':
      return `CASE WHEN u.run_end_day >= $streak_cutoff THEN u.run_length ELSE 0 END ${direction}`;
    case 'masteredThisWeek':
      return `COALESCE(w.gained - w.lost, 0) ${direction}`;
    case 'accuracy':
      return `u.reviews_correct::float8 / NULLIF(u.reviews_total, 0) ${direction} NULLS LAST`;
    case 'inactive':
      // Most inactive first when descending: never active, then the longest ago.
      return `COALESCE(u.last_active_at, '-infinity'::timestamptz) ${order === 'asc' ? 'DESC' : 'ASC'}`;
  }
}

/** The read model's query side on PostgreSQL. */
export class PgProgressReadStore implements ProgressReadStore {
  private readonly s: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.s = sqlIdentifier(schema);
  }

  async studentPage(request: StudentPageRequest): Promise<{ rows: StudentRowState[]; total: number }> {
    const s = this.s;
    const params: unknown[] = [request.at.week];
    const scope = this.scopeSql(request, params);
    let order = orderBy(request.sort, request.order);
    if (order.includes('$streak_cutoff')) order = order.replace('$streak_cutoff', `$${params.push(streakCutoff(request.at.today))}::date`);
    const limit = `$${params.push(request.pageSize)}`;
    const offset = `$${params.push((request.page - 1) * request.pageSize)}`;
    const { rows } = await this.pool.query<UserRow & { student_id: string; mastered_this_week: number; total: string }>(
      `SELECT scope.student_id, COALESCE(u.status, 'active') AS status, u.first_active_at, u.last_active_at,
         COALESCE(u.days_active, 0) AS days_active, u.run_end_day::text AS run_end_day, COALESCE(u.run_length, 0) AS run_length,
         COALESCE(u.reviews_total, 0) AS reviews_total, COALESCE(u.reviews_correct, 0) AS reviews_correct,
         COALESCE(u.thematic_reviews, 0) AS thematic_reviews, COALESCE(u.learning_reviews, 0) AS learning_reviews,
         COALESCE(u.words_seen, 0) AS words_seen, COALESCE(u.words_mastered, 0) AS words_mastered,
         COALESCE(w.gained - w.lost, 0) AS mastered_this_week, count(*) OVER () AS total
       FROM (${scope}) scope
       LEFT JOIN ${s}.users u ON u.user_id = scope.student_id
       LEFT JOIN ${s}.weekly_mastery w ON w.user_id = scope.student_id AND w.week = $1
       ORDER BY ${order}, scope.student_id
       LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    let total = rows.length > 0 ? Number(rows[0].total) : 0;
    if (rows.length === 0 && request.page > 1) {
      const countParams: unknown[] = [];
      const counted = await this.pool.query<{ total: string }>(`SELECT count(*) AS total FROM (${this.scopeSql(request, countParams)}) scope`, countParams);
      total = Number(counted.rows[0].total);
    }
    return { rows: rows.map((row) => ({ ...activityOf(row), studentId: row.student_id, masteredThisWeek: row.mastered_this_week })), total };
  }

  /** The students of the table: a teacher's linked ones, or every account with the STUDENT role. */
  private scopeSql(request: StudentPageRequest, params: unknown[]): string {
    return request.scope.kind === 'teacher'
      ? `SELECT student_id FROM ${this.s}.teacher_students WHERE teacher_id = $${params.push(request.scope.teacherId)}`
      : `SELECT user_id AS student_id FROM ${this.s}.users WHERE role = 'STUDENT'`;
  }

  async record(studentId: string, at: Today): Promise<StudentRecordState> {
    const s = this.s;
    // One round trip: every part of the record as JSON.
    const { rows } = await this.pool.query(
      `SELECT
         (SELECT row_to_json(u) FROM (SELECT status, first_active_at, last_active_at, days_active, run_end_day::text AS run_end_day, run_length,
            reviews_total, reviews_correct, thematic_reviews, learning_reviews, words_seen, words_mastered
            FROM ${s}.users WHERE user_id = $1) u) AS activity,
         (SELECT COALESCE(json_agg(json_build_object('day', day::text, 'reviews', reviews, 'correct', correct) ORDER BY day), '[]')
            FROM ${s}.daily_activity WHERE user_id = $1 AND day BETWEEN $2::date AND $3::date) AS days,
         (SELECT COALESCE(json_agg(json_build_object('week', week, 'gained', gained, 'lost', lost)), '[]')
            FROM ${s}.weekly_mastery WHERE user_id = $1 AND week = $4) AS weekly_mastery,
         (SELECT COALESCE(json_agg(json_build_object('topicId', topic_id, 'topicSlug', topic_slug, 'level', level, 'wordCount', word_count, 'seen', seen,
            'learning', learning, 'mastered', mastered, 'mastery', mastery, 'masteredAt', mastered_at, 'updatedAt', progressed_at)), '[]')
            FROM ${s}.topic_progress WHERE user_id = $1) AS topics,
         (SELECT COALESCE(json_agg(json_build_object('cohortWeek', cohort_week, 'dueAt', due_at, 'lastAnsweredAt', last_answered_at)), '[]')
            FROM ${s}.learning_cards WHERE user_id = $1) AS learning_cards,
         (SELECT COALESCE(json_agg(json_build_object('week', week, 'activeCohorts', active_cohorts, 'activeCards', active_cards)), '[]')
            FROM ${s}.learning_weeks WHERE user_id = $1 AND week = $4) AS learning_weeks,
         (SELECT COALESCE(json_agg(json_build_object('kind', kind, 'itemId', item_id, 'attempts', attempts, 'lastScore', last_score, 'lastAt', last_at)), '[]')
            FROM ${s}.activity_results WHERE user_id = $1) AS results`,
      [studentId, addDays(at.today, -(REVIEW_SERIES_DAYS - 1)), at.today, at.week],
    );
    const row = rows[0];
    type Json = Record<string, string | number | null | string[]>;
    return {
      studentId,
      activity: row.activity ? activityOf(row.activity as UserRow) : null,
      days: row.days as StudentRecordState['days'],
      weeklyMastery: row.weekly_mastery as StudentRecordState['weeklyMastery'],
      topics: (row.topics as Json[]).map((topic) => ({
        topicId: String(topic['topicId']),
        topicSlug: topic['topicSlug'] as string | null,
        level: topic['level'] as string | null,
        wordCount: Number(topic['wordCount']),
        seen: Number(topic['seen']),
        learning: Number(topic['learning']),
        mastered: Number(topic['mastered']),
        mastery: Number(topic['mastery']),
        masteredAt: instant(topic['masteredAt'] as string | null),
        updatedAt: instant(topic['updatedAt'] as string | null),
      })),
      learningCards: (row.learning_cards as Json[]).map((card) => ({
        cohortWeek: String(card['cohortWeek']),
        dueAt: instant(card['dueAt'] as string | null),
        lastAnsweredAt: instant(card['lastAnsweredAt'] as string | null),
      })),
      learningWeeks: (row.learning_weeks as Json[]).map((week) => ({
        week: String(week['week']),
        activeCohorts: week['activeCohorts'] as string[],
        activeCards: Number(week['activeCards']),
      })),
      results: (row.results as Json[]).map((result) => ({
        kind: result['kind'] as ResultKind,
        itemId: String(result['itemId']),
        attempts: Number(result['attempts']),
        lastScore: Number(result['lastScore']),
        lastAt: new Date(String(result['lastAt'])),
      })),
    };
  }

  async isLinked(teacherId: string, studentId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(`SELECT 1 FROM ${this.s}.teacher_students WHERE teacher_id = $1 AND student_id = $2`, [teacherId, studentId]);
    return rowCount === 1;
  }

  async isStudent(studentId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(`SELECT 1 FROM ${this.s}.users WHERE user_id = $1 AND role = 'STUDENT'`, [studentId]);
    return rowCount === 1;
  }

  /** Every row about the user, as stored (ids, counts and times; progress holds no names). */
  async exportUser(userId: string): Promise<Record<string, unknown> | null> {
    const s = this.s;
    const tables: Array<[key: string, sql: string]> = [
      ['account', `SELECT role, status, registered_at, first_active_at, last_active_at, days_active, run_end_day::text AS run_end_day, run_length,
        reviews_total, reviews_correct, thematic_reviews, learning_reviews, review_duration_ms::text AS review_duration_ms, words_seen, words_mastered
        FROM ${s}.users WHERE user_id = $1`],
      ['teachers', `SELECT teacher_id, linked_at FROM ${s}.teacher_students WHERE student_id = $1 ORDER BY linked_at`],
      ['students', `SELECT student_id, linked_at FROM ${s}.teacher_students WHERE teacher_id = $1 ORDER BY linked_at`],
      ['days', `SELECT day::text AS day, activities, reviews, correct, thematic_reviews, learning_reviews, duration_ms::text AS duration_ms FROM ${s}.daily_activity WHERE user_id = $1 ORDER BY day`],
      ['thematicWords', `SELECT word_id, topic_id, box, mastered, reviews, correct, last_answered_at FROM ${s}.thematic_words WHERE user_id = $1 ORDER BY word_id`],
      ['weeklyMastery', `SELECT week, gained, lost FROM ${s}.weekly_mastery WHERE user_id = $1 ORDER BY week`],
      ['topics', `SELECT topic_id, topic_slug, level, word_count, seen, learning, mastered, mastery, progressed_at, mastered_at FROM ${s}.topic_progress WHERE user_id = $1 ORDER BY topic_id`],
      ['learningCards', `SELECT user_word_id, cohort_week, source, added_at, state, due_at, reviews, correct, last_answered_at FROM ${s}.learning_cards WHERE user_id = $1 ORDER BY user_word_id`],
      ['learningWeeks', `SELECT week, active_cohorts, active_cards, new_cohort_cards, rotated_at FROM ${s}.learning_weeks WHERE user_id = $1 ORDER BY week`],
      ['results', `SELECT kind, item_id, attempts, best_score, last_score, first_at, last_at FROM ${s}.activity_results WHERE user_id = $1 ORDER BY kind, item_id`],
    ];
    const data: Record<string, unknown> = {};
    for (const [key, sql] of tables) {
      const { rows } = await this.pool.query(sql, [userId]);
      if (rows.length > 0) data[key] = key === 'account' ? rows[0] : rows;
    }
    return Object.keys(data).length > 0 ? data : null;
  }
}
