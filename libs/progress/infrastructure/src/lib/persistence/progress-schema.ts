import { sqlIdentifier, type SqlMigration } from '@tall/platform/database';
import { PgInbox } from '@tall/platform/events';

/** The live read model's schema. A rebuild writes into another one (same tables), then may swap. */
export const PROGRESS_SCHEMA = 'progress';

/**
 * The tables of the read model, in any schema. Every column is derived from event payloads or
 * envelopes (never `now()`), so a replay into an empty schema gives the same rows; only the
 * inbox keeps a processing time, and it is bookkeeping, not the model.
 */
export function progressMigrations(schema: string): SqlMigration[] {
  const s = sqlIdentifier(schema);
  return [
    { id: '001-inbox', sql: new PgInbox(schema).migrationSql() },
    {
      id: '002-read-model',
      sql: `
        CREATE TABLE ${s}.users (
          user_id uuid PRIMARY KEY,
          role text,
          status text NOT NULL DEFAULT 'active',
          registered_at timestamptz,
          first_active_at timestamptz,
          last_active_at timestamptz,
          days_active integer NOT NULL DEFAULT 0,
          run_end_day date,
          run_length integer NOT NULL DEFAULT 0,
          reviews_total integer NOT NULL DEFAULT 0,
          reviews_correct integer NOT NULL DEFAULT 0,
          thematic_reviews integer NOT NULL DEFAULT 0,
          learning_reviews integer NOT NULL DEFAULT 0,
          review_duration_ms bigint NOT NULL DEFAULT 0,
          words_seen integer NOT NULL DEFAULT 0,
          words_mastered integer NOT NULL DEFAULT 0
        );
        CREATE INDEX users_students_idx ON ${s}.users (last_active_at) WHERE role = 'STUDENT';

        CREATE TABLE ${s}.teacher_students (
          teacher_id uuid NOT NULL,
          student_id uuid NOT NULL,
          linked_at timestamptz NOT NULL,
          PRIMARY KEY (teacher_id, student_id)
        );
        CREATE INDEX teacher_students_student_idx ON ${s}.teacher_students (student_id);

        -- Ids of erased accounts only: a late event of theirs (another topic) must not bring a record back.
        CREATE TABLE ${s}.erased_users (user_id uuid PRIMARY KEY, erased_at timestamptz NOT NULL);

        CREATE TABLE ${s}.daily_activity (
          user_id uuid NOT NULL,
          day date NOT NULL,
          activities integer NOT NULL,
          reviews integer NOT NULL,
          correct integer NOT NULL,
          thematic_reviews integer NOT NULL,
          learning_reviews integer NOT NULL,
          duration_ms bigint NOT NULL,
          PRIMARY KEY (user_id, day)
        );

        CREATE TABLE ${s}.thematic_words (
          user_id uuid NOT NULL,
          word_id text NOT NULL,
          topic_id text NOT NULL,
          box integer NOT NULL,
          mastered boolean NOT NULL,
          reviews integer NOT NULL,
          correct integer NOT NULL,
          last_answered_at timestamptz NOT NULL,
          PRIMARY KEY (user_id, word_id)
        );

        CREATE TABLE ${s}.weekly_mastery (
          user_id uuid NOT NULL,
          week text NOT NULL,
          gained integer NOT NULL,
          lost integer NOT NULL,
          PRIMARY KEY (user_id, week)
        );

        CREATE TABLE ${s}.topic_progress (
          user_id uuid NOT NULL,
          topic_id text NOT NULL,
          topic_slug text,
          level text,
          word_count integer NOT NULL DEFAULT 0,
          seen integer NOT NULL DEFAULT 0,
          learning integer NOT NULL DEFAULT 0,
          mastered integer NOT NULL DEFAULT 0,
          mastery double precision NOT NULL DEFAULT 0,
          progressed_at timestamptz,
          mastered_at timestamptz,
          PRIMARY KEY (user_id, topic_id)
        );

        CREATE TABLE ${s}.learning_cards (
          user_id uuid NOT NULL,
          user_word_id text NOT NULL,
          cohort_week text NOT NULL,
          source text,
          added_at timestamptz,
          state text,
          due_at timestamptz,
          reviews integer NOT NULL DEFAULT 0,
          correct integer NOT NULL DEFAULT 0,
          last_answered_at timestamptz,
          PRIMARY KEY (user_id, user_word_id)
        );

        CREATE TABLE ${s}.learning_weeks (
          user_id uuid NOT NULL,
          week text NOT NULL,
          active_cohorts text[] NOT NULL,
          active_cards integer NOT NULL,
          new_cohort_cards integer NOT NULL,
          rotated_at timestamptz NOT NULL,
          PRIMARY KEY (user_id, week)
        );

        -- Reading tests, listening questions and exercises: filled once those contexts publish results.
        CREATE TABLE ${s}.activity_results (
          user_id uuid NOT NULL,
          kind text NOT NULL,
          item_id text NOT NULL,
          attempts integer NOT NULL,
          best_score double precision NOT NULL,
          last_score double precision NOT NULL,
          first_at timestamptz NOT NULL,
          last_at timestamptz NOT NULL,
          PRIMARY KEY (user_id, kind, item_id)
        );`,
    },
    {
      // The dashboard's default order (last active, newest first) walks this index, page by page.
      id: '003-students-by-last-active',
      sql: `
        DROP INDEX ${s}.users_students_idx;
        CREATE INDEX users_students_last_active_idx ON ${s}.users (last_active_at DESC NULLS LAST, user_id) WHERE role = 'STUDENT';`,
    },
    {
      // The reader's events. A text's row folds its events together with GREATEST and LEAST, so
      // duplicates and any order give the same row; an attempt is one row, keyed by its own id.
      id: '004-reader',
      sql: `
        CREATE TABLE ${s}.reader_texts (
          user_id uuid NOT NULL,
          text_id text NOT NULL,
          reading_seconds integer NOT NULL,
          first_read_at timestamptz NOT NULL,
          last_read_at timestamptz NOT NULL,
          finished_at timestamptz,
          PRIMARY KEY (user_id, text_id)
        );

        CREATE TABLE ${s}.reader_tests (
          user_id uuid NOT NULL,
          attempt_id uuid NOT NULL,
          text_id text NOT NULL,
          text_title text NOT NULL,
          level text,
          score integer NOT NULL,
          max_score integer NOT NULL,
          completed_at timestamptz NOT NULL,
          PRIMARY KEY (user_id, attempt_id)
        );
        -- A dashboard row's latest attempt.
        CREATE INDEX reader_tests_latest_idx ON ${s}.reader_tests (user_id, completed_at DESC, attempt_id DESC);`,
    },
    {
      // Listening's and exercises' events. A video's row folds its watching events together with
      // GREATEST and LEAST, as a text's; a question's row counts its answers and keeps the latest
      // answer's verdict; an exercise attempt is one row, keyed by its own id.
      id: '005-listening-exercises',
      sql: `
        CREATE TABLE ${s}.listening_videos (
          user_id uuid NOT NULL,
          video_id text NOT NULL,
          level text NOT NULL,
          watched_seconds double precision NOT NULL,
          first_watched_at timestamptz NOT NULL,
          last_watched_at timestamptz NOT NULL,
          completed_at timestamptz,
          PRIMARY KEY (user_id, video_id)
        );

        CREATE TABLE ${s}.listening_questions (
          user_id uuid NOT NULL,
          video_id text NOT NULL,
          question_id text NOT NULL,
          question_kind text NOT NULL,
          answers integer NOT NULL,
          skips integer NOT NULL,
          correct boolean,
          answered_at timestamptz,
          first_at timestamptz NOT NULL,
          last_at timestamptz NOT NULL,
          PRIMARY KEY (user_id, video_id, question_id)
        );

        CREATE TABLE ${s}.exercise_attempts (
          user_id uuid NOT NULL,
          attempt_id uuid NOT NULL,
          exercise_id text NOT NULL,
          exercise_type text NOT NULL,
          level text NOT NULL,
          source text NOT NULL,
          week_start date,
          score integer NOT NULL,
          max_score integer NOT NULL,
          completed_at timestamptz NOT NULL,
          PRIMARY KEY (user_id, attempt_id)
        );`,
    },
  ];
}

/** The tables that make up the model: what a rebuild must reproduce row for row (not the inbox). */
export const READ_MODEL_TABLES = [
  'users',
  'teacher_students',
  'erased_users',
  'daily_activity',
  'thematic_words',
  'weekly_mastery',
  'topic_progress',
  'learning_cards',
  'learning_weeks',
  'activity_results',
  'reader_texts',
  'reader_tests',
  'listening_videos',
  'listening_questions',
  'exercise_attempts',
] as const;
