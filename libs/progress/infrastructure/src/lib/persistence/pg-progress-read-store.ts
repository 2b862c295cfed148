import type { Pool } from 'pg';
import { statementName } from './statement-name';
import { sqlIdentifier } from '@tall/platform/database';
import type { ProgressReadStore, StudentPageRequest } from '@tall/progress/application';
import { REVIEW_SERIES_DAYS, type StudentSortKey } from '@tall/progress/contracts';
import { addDays } from '@tall/platform/calendar';
import {
  streakCutoff,
  type AccountStatus,
  type ExerciseAttemptState,
  type ResultKind,
  type StudentActivityState,
  type StudentRecordState,
  type StudentRowState,
  type TestAttemptState,
  type TextReadingState,
  type Today,
  type VideoQuestionState,
  type VideoWatchState,
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

interface ReadingRow {
  texts_read: number;
  tests_taken: number;
  average_test_score: number | null;
  last_test_score: number | null;
  last_test_max_score: number | null;
}

interface ListeningRow {
  videos_watched: number;
  questions_asked: number;
  questions_answered: number;
}

interface ExercisesRow {
  exercises_done: number;
  average_exercise_score: number | null;
}

const instant = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

function readingOf(row: ReadingRow): StudentRowState['reading'] {
  return {
    textsRead: row.texts_read,
    testsTaken: row.tests_taken,
    averageTestScore: row.average_test_score,
    lastTest: row.last_test_score === null || row.last_test_max_score === null ? null : { score: row.last_test_score, maxScore: row.last_test_max_score },
  };
}

function listeningOf(row: ListeningRow): StudentRowState['listening'] {
  return { videosWatched: row.videos_watched, questionsAsked: row.questions_asked, questionsAnswered: row.questions_answered };
}

function exercisesOf(row: ExercisesRow): StudentRowState['exercises'] {
  return { exercisesDone: row.exercises_done, averageScore: row.average_exercise_score };
}

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
 * The sort key of the student tables, as an SQL expression over `u` (users) and `w` (this week's
 * mastery). Streak and inactivity follow the domain's rules (streakOn, isInactive) with today's
 * bound passed in, so the order matches the values shown.
 */
function sortKey(sort: StudentSortKey, streakCutoffParam: () => string): { expression: string; nulls: string; reverse: boolean } {
  switch (sort) {
    case 'lastActive':
      return { expression: 'u.last_active_at', nulls: 'NULLS LAST', reverse: false };
    case 'streak':
      return { expression: `CASE WHEN u.run_end_day >= ${streakCutoffParam()}::date THEN u.run_length ELSE 0 END`, nulls: '', reverse: false };
    case 'masteredThisWeek':
      return { expression: 'COALESCE(w.gained - w.lost, 0)', nulls: '', reverse: false };
    case 'accuracy':
      return { expression: 'u.reviews_correct::float8 / NULLIF(u.reviews_total, 0)', nulls: 'NULLS LAST', reverse: false };
    case 'inactive':
      // Most inactive first when descending: never active, then the longest ago.
      return { expression: `COALESCE(u.last_active_at, '-infinity'::timestamptz)`, nulls: '', reverse: true };
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

  /**
   * Two steps in one statement: the page's ids, sorted on narrow rows (the default sort walks an
   * index); then their rows and this week's mastery, for those ids only. The total is a count of
   * the scope, without a window over every row.
   */
  async studentPage(request: StudentPageRequest): Promise<{ rows: StudentRowState[]; total: number }> {
    const s = this.s;
    const params: unknown[] = [request.at.week];
    const scope = this.scopeSql(request, params);
    const key = sortKey(request.sort, () => `$${params.push(streakCutoff(request.at.today))}`);
    const descending = (request.order === 'desc') !== key.reverse;
    const order = `${descending ? 'DESC' : 'ASC'} ${key.nulls}`;
    const week = request.sort === 'masteredThisWeek' ? `LEFT JOIN ${s}.weekly_mastery w ON w.user_id = ${scope.id} AND w.week = $1` : '';
    const limit = `$${params.push(request.pageSize)}`;
    const offset = `$${params.push((request.page - 1) * request.pageSize)}`;
    const [{ rows }, total] = await Promise.all([
      // Prepared per connection: one statement per scope kind, sort and order.
      this.pool.query<UserRow & ReadingRow & ListeningRow & ExercisesRow & { student_id: string; mastered_this_week: number }>({
        name: statementName(`${s}:students:${request.scope.kind}:${request.sort}:${request.order}`),
        text: `SELECT page.student_id, COALESCE(u.status, 'active') AS status, u.first_active_at, u.last_active_at,
           COALESCE(u.days_active, 0) AS days_active, u.run_end_day::text AS run_end_day, COALESCE(u.run_length, 0) AS run_length,
           COALESCE(u.reviews_total, 0) AS reviews_total, COALESCE(u.reviews_correct, 0) AS reviews_correct,
           COALESCE(u.thematic_reviews, 0) AS thematic_reviews, COALESCE(u.learning_reviews, 0) AS learning_reviews,
           COALESCE(u.words_seen, 0) AS words_seen, COALESCE(u.words_mastered, 0) AS words_mastered,
           COALESCE((SELECT w.gained - w.lost FROM ${s}.weekly_mastery w WHERE w.user_id = page.student_id AND w.week = $1), 0) AS mastered_this_week,
           (SELECT count(*)::int FROM ${s}.reader_texts r WHERE r.user_id = page.student_id AND r.finished_at IS NOT NULL) AS texts_read,
           tests.taken AS tests_taken, tests.average AS average_test_score, latest.score AS last_test_score, latest.max_score AS last_test_max_score,
           (SELECT count(*)::int FROM ${s}.listening_videos v WHERE v.user_id = page.student_id AND v.completed_at IS NOT NULL) AS videos_watched,
           questions.asked AS questions_asked, questions.answered AS questions_answered,
           exercises.done AS exercises_done, exercises.average AS average_exercise_score
         FROM (
           SELECT ${scope.id} AS student_id, ${key.expression} AS sort_key
           FROM ${scope.from} ${week}
           WHERE ${scope.where}
           ORDER BY ${key.expression} ${order}, ${scope.id}
           LIMIT ${limit} OFFSET ${offset}
         ) page
         LEFT JOIN ${s}.users u ON u.user_id = page.student_id
         -- The rules of the domain's readingTests: the mean of the attempts' percentages, the newest attempt (ties by id).
         CROSS JOIN LATERAL (SELECT count(*)::int AS taken, avg(t.score * 100.0 / t.max_score)::float8 AS average FROM ${s}.reader_tests t WHERE t.user_id = page.student_id) tests
         LEFT JOIN LATERAL (SELECT t.score, t.max_score FROM ${s}.reader_tests t WHERE t.user_id = page.student_id ORDER BY t.completed_at DESC, t.attempt_id DESC LIMIT 1) latest ON true
         -- The rules of videoQuestions (each question once, answered unless only skipped) and exerciseAttempts (distinct exercises, the mean of the attempts' percentages).
         CROSS JOIN LATERAL (SELECT count(*)::int AS asked, count(*) FILTER (WHERE q.answers > 0)::int AS answered FROM ${s}.listening_questions q WHERE q.user_id = page.student_id) questions
         CROSS JOIN LATERAL (SELECT count(DISTINCT e.exercise_id)::int AS done, avg(e.score * 100.0 / e.max_score)::float8 AS average FROM ${s}.exercise_attempts e WHERE e.user_id = page.student_id) exercises
         ORDER BY page.sort_key ${order}, page.student_id`,
        values: params,
      }),
      this.count(request),
    ]);
    return { rows: rows.map((row) => ({ ...activityOf(row), studentId: row.student_id, masteredThisWeek: row.mastered_this_week, reading: readingOf(row), listening: listeningOf(row), exercises: exercisesOf(row) })), total };
  }

  private async count(request: StudentPageRequest): Promise<number> {
    const params: unknown[] = [];
    const scope = this.scopeSql(request, params);
    const { rows } = await this.pool.query<{ total: number }>({
      name: statementName(`${this.s}:students-count:${request.scope.kind}`),
      text: `SELECT count(*)::int AS total FROM ${scope.from} WHERE ${scope.where}`,
      values: params,
    });
    return rows[0].total;
  }

  /**
   * The students of a table with their users row as `u`: a teacher's linked ones (a link may
   * come before the account's own events, hence the outer join), or every STUDENT account.
   */
  private scopeSql(request: StudentPageRequest, params: unknown[]): { from: string; where: string; id: string } {
    return request.scope.kind === 'teacher'
      ? {
          from: `${this.s}.teacher_students ts LEFT JOIN ${this.s}.users u ON u.user_id = ts.student_id`,
          where: `ts.teacher_id = $${params.push(request.scope.teacherId)}`,
          id: 'ts.student_id',
        }
      : { from: `${this.s}.users u`, where: `u.role = 'STUDENT'`, id: 'u.user_id' };
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
            FROM ${s}.activity_results WHERE user_id = $1) AS results,
         (SELECT COALESCE(json_agg(json_build_object('textId', text_id, 'readingSeconds', reading_seconds, 'finishedAt', finished_at, 'lastReadAt', last_read_at)), '[]')
            FROM ${s}.reader_texts WHERE user_id = $1) AS texts,
         (SELECT COALESCE(json_agg(json_build_object('attemptId', attempt_id, 'textId', text_id, 'textTitle', text_title, 'level', level, 'score', score,
            'maxScore', max_score, 'at', completed_at)), '[]')
            FROM ${s}.reader_tests WHERE user_id = $1) AS test_attempts,
         (SELECT COALESCE(json_agg(json_build_object('videoId', video_id, 'level', level, 'watchedSeconds', watched_seconds, 'completedAt', completed_at,
            'lastWatchedAt', last_watched_at)), '[]')
            FROM ${s}.listening_videos WHERE user_id = $1) AS videos,
         (SELECT COALESCE(json_agg(json_build_object('videoId', video_id, 'questionId', question_id, 'answers', answers, 'skips', skips, 'correct', correct,
            'lastAt', last_at)), '[]')
            FROM ${s}.listening_questions WHERE user_id = $1) AS video_questions,
         (SELECT COALESCE(json_agg(json_build_object('attemptId', attempt_id, 'exerciseId', exercise_id, 'exerciseType', exercise_type, 'level', level,
            'source', source, 'score', score, 'maxScore', max_score, 'at', completed_at)), '[]')
            FROM ${s}.exercise_attempts WHERE user_id = $1) AS exercise_attempts`,
      [studentId, addDays(at.today, -(REVIEW_SERIES_DAYS - 1)), at.today, at.week],
    );
    const row = rows[0];
    type Json = Record<string, string | number | boolean | null | string[]>;
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
      texts: (row.texts as Json[]).map(
        (text): TextReadingState => ({
          textId: String(text['textId']),
          readingSeconds: Number(text['readingSeconds']),
          finishedAt: instant(text['finishedAt'] as string | null),
          lastReadAt: new Date(String(text['lastReadAt'])),
        }),
      ),
      testAttempts: (row.test_attempts as Json[]).map(
        (attempt): TestAttemptState => ({
          attemptId: String(attempt['attemptId']),
          textId: String(attempt['textId']),
          textTitle: String(attempt['textTitle']),
          level: attempt['level'] as string | null,
          score: Number(attempt['score']),
          maxScore: Number(attempt['maxScore']),
          at: new Date(String(attempt['at'])),
        }),
      ),
      videos: (row.videos as Json[]).map(
        (video): VideoWatchState => ({
          videoId: String(video['videoId']),
          level: String(video['level']),
          watchedSeconds: Number(video['watchedSeconds']),
          completedAt: instant(video['completedAt'] as string | null),
          lastWatchedAt: new Date(String(video['lastWatchedAt'])),
        }),
      ),
      videoQuestions: (row.video_questions as Json[]).map(
        (question): VideoQuestionState => ({
          videoId: String(question['videoId']),
          questionId: String(question['questionId']),
          answers: Number(question['answers']),
          skips: Number(question['skips']),
          correct: question['correct'] as boolean | null,
          lastAt: new Date(String(question['lastAt'])),
        }),
      ),
      exerciseAttempts: (row.exercise_attempts as Json[]).map(
        (attempt): ExerciseAttemptState => ({
          attemptId: String(attempt['attemptId']),
          exerciseId: String(attempt['exerciseId']),
          exerciseType: String(attempt['exerciseType']),
          level: String(attempt['level']),
          source: String(attempt['source']),
          score: Number(attempt['score']),
          maxScore: Number(attempt['maxScore']),
          at: new Date(String(attempt['at'])),
        }),
      ),
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
      ['readerTexts', `SELECT text_id, reading_seconds, first_read_at, last_read_at, finished_at FROM ${s}.reader_texts WHERE user_id = $1 ORDER BY text_id`],
      ['readerTests', `SELECT attempt_id, text_id, text_title, level, score, max_score, completed_at FROM ${s}.reader_tests WHERE user_id = $1 ORDER BY completed_at, attempt_id`],
      ['listeningVideos', `SELECT video_id, level, watched_seconds, first_watched_at, last_watched_at, completed_at FROM ${s}.listening_videos WHERE user_id = $1 ORDER BY video_id`],
      ['listeningQuestions', `SELECT video_id, question_id, question_kind, answers, skips, correct, answered_at, first_at, last_at FROM ${s}.listening_questions WHERE user_id = $1 ORDER BY video_id, question_id`],
      ['exerciseAttempts', `SELECT attempt_id, exercise_id, exercise_type, level, source, week_start::text AS week_start, score, max_score, completed_at FROM ${s}.exercise_attempts WHERE user_id = $1 ORDER BY completed_at, attempt_id`],
    ];
    const data: Record<string, unknown> = {};
    for (const [key, sql] of tables) {
      const { rows } = await this.pool.query(sql, [userId]);
      if (rows.length > 0) data[key] = key === 'account' ? rows[0] : rows;
    }
    return Object.keys(data).length > 0 ? data : null;
  }
}
