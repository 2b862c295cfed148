import { z } from 'zod';

const StudentId = z.uuid();
const Instant = z.iso.datetime();
/** A calendar day of the school's time zone, `2026-11-22`. */
const Day = z.iso.date();
const IsoWeek = z.string().regex(/^\d{4}-W\d{2}$/);
const Share = z.number().min(0).max(1);
/** A score in percent of the test's maximum, 0..100 (not rounded). */
const Percent = z.number().min(0).max(100);

/** Sort keys of the student tables. Names come from pii page by page, so they cannot be sorted on here. */
export const STUDENT_SORT_KEYS = ['lastActive', 'streak', 'masteredThisWeek', 'accuracy', 'inactive'] as const;
export const StudentSortKeySchema = z.enum(STUDENT_SORT_KEYS);
export type StudentSortKey = z.infer<typeof StudentSortKeySchema>;

export const SortOrderSchema = z.enum(['asc', 'desc']);
export type SortOrder = z.infer<typeof SortOrderSchema>;

export const STUDENT_PAGE_SIZE_MAX = 100;
/** The CSV is paged too (names are read only for the rows it holds), in larger pages. */
export const STUDENT_CSV_PAGE_SIZE_MAX = 500;

const listQuery = (pageSizeMax: number, pageSizeDefault: number) =>
  z.strictObject({
    sort: StudentSortKeySchema.default('lastActive'),
    order: SortOrderSchema.default('desc'),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(pageSizeMax).default(pageSizeDefault),
    /** EDU_ADMIN: only the students of this teacher. A teacher may name only themself. */
    teacherId: StudentId.optional(),
  });

/** `GET /api/v1/teacher/students` */
export const StudentListQuerySchema = listQuery(STUDENT_PAGE_SIZE_MAX, 25);
export type StudentListQuery = z.infer<typeof StudentListQuerySchema>;

/** `GET /api/v1/teacher/students.csv` */
export const StudentCsvQuerySchema = listQuery(STUDENT_CSV_PAGE_SIZE_MAX, STUDENT_CSV_PAGE_SIZE_MAX);
export type StudentCsvQuery = z.infer<typeof StudentCsvQuerySchema>;

export const StudentParamsSchema = z.strictObject({ id: StudentId });

/** A student's name, read from pii for the purpose `teaching`; null when pii did not answer or may not tell. */
export const StudentNameSchema = z.object({ firstName: z.string(), lastName: z.string() }).nullable();
export type StudentName = z.infer<typeof StudentNameSchema>;

export const AccountStatusSchema = z.enum(['active', 'disabled']);

/** One row of the teacher dashboard. Values that depend on today are computed when asked (`asOf`). */
export const StudentSummarySchema = z.object({
  studentId: StudentId,
  name: StudentNameSchema,
  status: AccountStatusSchema,
  lastActiveAt: Instant.nullable(),
  daysActive: z.int().min(0),
  /** Consecutive days with activity, up to today or yesterday (0 when the run ended before yesterday). */
  streak: z.int().min(0),
  /** Words that reached the top box this ISO week, net of words that fell out of it (may be negative). */
  masteredThisWeek: z.int(),
  wordsMastered: z.int().min(0),
  reviews: z.int().min(0),
  /** Share of correct answers over all reviews (learning cards: any rating but `again`); null without reviews. */
  accuracy: Share.nullable(),
  /** No activity for more than 7 days, or never. */
  inactive: z.boolean(),
  /** Whole days since the last activity; null when never active. */
  inactiveDays: z.int().min(0).nullable(),
  /** Texts of the reader the student read to the end. */
  textsRead: z.int().min(0),
  /** The reader's comprehension tests handed in, every attempt counted. */
  testsTaken: z.int().min(0),
  /** Mean of every attempt's score, each in percent of its test's maximum; null without tests. */
  averageTestScore: Percent.nullable(),
  /** The most recent attempt's score in percent of its test's maximum; null without tests. */
  lastTestScore: Percent.nullable(),
  /** Videos the student watched to the end. */
  videosWatched: z.int().min(0),
  /**
   * Share of the videos' timed questions the student answered, of those they met (each question
   * once, however often; one only ever skipped counts as not answered); null without questions.
   */
  answerRate: Share.nullable(),
  /** Distinct exercises handed in at least once. */
  exercisesDone: z.int().min(0),
  /** Mean of every exercise attempt's score, each in percent of its maximum; null without attempts. */
  averageExerciseScore: Percent.nullable(),
});
export type StudentSummary = z.infer<typeof StudentSummarySchema>;

export const StudentListSchema = z.object({
  items: z.array(StudentSummarySchema),
  page: z.int(),
  pageSize: z.int(),
  total: z.int(),
  sort: StudentSortKeySchema,
  order: SortOrderSchema,
  /** True when pii could not be asked for names: every `name` is then null. */
  namesUnavailable: z.boolean(),
  asOf: Instant,
  /** Today and this ISO week in the school's time zone, the basis of streak and masteredThisWeek. */
  today: Day,
  week: IsoWeek,
});
export type StudentList = z.infer<typeof StudentListSchema>;

export const ReviewDaySchema = z.object({ day: Day, reviews: z.int().min(0), correct: z.int().min(0) });

export const TopicMasterySchema = z.object({
  topicId: z.string(),
  topicSlug: z.string().nullable(),
  level: z.string().nullable(),
  wordCount: z.int().min(0),
  seen: z.int().min(0),
  learning: z.int().min(0),
  mastered: z.int().min(0),
  mastery: Share,
  /** When the topic last crossed the mastery threshold; null when it never did. */
  masteredAt: Instant.nullable(),
  updatedAt: Instant.nullable(),
});

export const ActivityResultSchema = z.object({ itemId: z.string(), score: Share, attempts: z.int().min(1), at: Instant });

/** Results of one kind of activity (reading tests, listening questions, exercises). */
export const ResultSlotSchema = z.object({
  completed: z.int().min(0),
  attempts: z.int().min(0),
  /** Mean of the latest score of each item, 0..1; null when none. */
  averageScore: Share.nullable(),
  lastAt: Instant.nullable(),
  /** The ten most recent items. */
  recent: z.array(ActivityResultSchema),
});
export type ResultSlot = z.infer<typeof ResultSlotSchema>;

/** Reading in the reader: what the student opened and read to the end, and for how long. */
export const TextsReadSchema = z.object({
  /** Distinct texts opened (a text read on or finished counts even when its opening was not seen). */
  opened: z.int().min(0),
  /** Distinct texts read to the end. */
  read: z.int().min(0),
  /** Seconds spent reading, over every text: for each, the largest running total the reader reported. */
  readingSeconds: z.int().min(0),
  /** The latest reading of any text; null when none. */
  lastReadAt: Instant.nullable(),
});
export type TextsRead = z.infer<typeof TextsReadSchema>;

/** One comprehension test a student handed in, as the reader graded it. */
export const ReadingTestResultSchema = z.object({
  attemptId: z.uuid(),
  textId: z.string(),
  /** The library's title of the test's text. */
  textTitle: z.string(),
  /** The text's level (A1…C1); null when the reader gave none. */
  level: z.string().nullable(),
  score: z.int().min(0),
  maxScore: z.int().min(1),
  at: Instant,
});
export type ReadingTestResult = z.infer<typeof ReadingTestResultSchema>;

/** The reader's comprehension tests: every attempt counts, a retaken test too. */
export const ReadingTestsSchema = z.object({
  taken: z.int().min(0),
  /** Mean of every attempt's score, each in percent of its test's maximum; null without tests. */
  averageScore: Percent.nullable(),
  /** The ten most recent attempts, newest first. */
  recent: z.array(ReadingTestResultSchema),
});
export type ReadingTests = z.infer<typeof ReadingTestsSchema>;

/**
 * A video's timed questions as the student met them: each question once, however often it was
 * answered. Answered: at least once not skipped; correct: its latest answer was right.
 */
export const VideoQuestionsSchema = z.object({
  asked: z.int().min(0),
  answered: z.int().min(0),
  correct: z.int().min(0),
  /** answered ÷ asked; null without questions. */
  answerRate: Share.nullable(),
  /** correct ÷ answered; null before any answer. */
  correctRate: Share.nullable(),
});
export type VideoQuestions = z.infer<typeof VideoQuestionsSchema>;

/** One video as the student watched it and answered its questions. */
export const VideoResultSchema = z.object({
  videoId: z.string(),
  /** The video's level (A1…C1); null when only answers to it were seen. */
  level: z.string().nullable(),
  /** Watched to the end. */
  completed: z.boolean(),
  /** The largest running total of watching seconds listening reported, whole seconds. */
  watchedSeconds: z.int().min(0),
  /** Its timed questions met, answered at least once, answered right the last time. */
  asked: z.int().min(0),
  answered: z.int().min(0),
  correct: z.int().min(0),
  /** The latest watching or answer. */
  lastAt: Instant,
});
export type VideoResult = z.infer<typeof VideoResultSchema>;

/** Listening: the videos a student watched, for how long, and their timed questions. */
export const VideosWatchedSchema = z.object({
  /** Distinct videos the student started (a video watched on or to the end counts when its start was not seen). */
  started: z.int().min(0),
  /** Distinct videos watched to the end. */
  completed: z.int().min(0),
  /**
   * Seconds spent watching, over every video: for each, the largest running total reported.
   * Listening reports it at most every five minutes and at the end, so it may lag a little.
   */
  watchedSeconds: z.int().min(0),
  /** The latest watching of any video; null when none. */
  lastWatchedAt: Instant.nullable(),
  questions: VideoQuestionsSchema,
  /** The ten videos watched or answered most recently, newest first. */
  recent: z.array(VideoResultSchema),
});
export type VideosWatched = z.infer<typeof VideosWatchedSchema>;

/** One exercise a student handed in, as the exercises context graded it (it publishes no title). */
export const ExerciseAttemptResultSchema = z.object({
  attemptId: z.uuid(),
  exerciseId: z.string(),
  /** `order`, `match`, `buckets` or `cloze`. */
  type: z.string(),
  level: z.string(),
  /** `authored` (the school's) or `weekly` (made from the student's own words). */
  source: z.string(),
  score: z.int().min(0),
  maxScore: z.int().min(1),
  at: Instant,
});
export type ExerciseAttemptResult = z.infer<typeof ExerciseAttemptResultSchema>;

/** Exercises: every attempt counts, a retaken exercise too. */
export const ExerciseAttemptsSchema = z.object({
  attempts: z.int().min(0),
  /** Distinct exercises handed in at least once. */
  exercisesDone: z.int().min(0),
  /** Mean of every attempt's score, each in percent of its maximum; null without attempts. */
  averageScore: Percent.nullable(),
  /** The ten most recent attempts, newest first. */
  recent: z.array(ExerciseAttemptResultSchema),
});
export type ExerciseAttempts = z.infer<typeof ExerciseAttemptsSchema>;

export const StudentRecordSchema = z.object({
  studentId: StudentId,
  status: AccountStatusSchema,
  asOf: Instant,
  timeZone: z.string(),
  today: Day,
  week: IsoWeek,
  activity: z.object({
    firstActiveAt: Instant.nullable(),
    lastActiveAt: Instant.nullable(),
    daysActive: z.int().min(0),
    streak: z.int().min(0),
    inactive: z.boolean(),
    inactiveDays: z.int().min(0).nullable(),
  }),
  reviews: z.object({
    total: z.int().min(0),
    correct: z.int().min(0),
    accuracy: Share.nullable(),
    thematic: z.int().min(0),
    learning: z.int().min(0),
    /** The last 90 days, oldest first, today last; days without reviews are 0. */
    perDay: z.array(ReviewDaySchema),
  }),
  words: z.object({ seen: z.int().min(0), learning: z.int().min(0), mastered: z.int().min(0), masteredThisWeek: z.int() }),
  topics: z.array(TopicMasterySchema),
  learningCards: z.object({
    week: IsoWeek,
    /** Words of this week's own cohort in the personal dictionary. */
    cohortSize: z.int().min(0),
    /** Cohorts studied this week (this week's and older ones on the expanding cycle). */
    activeCohorts: z.array(IsoWeek),
    activeCards: z.int().min(0),
    /** Cards of the active cohorts due by the end of today. */
    due: z.int().min(0),
    /** Cards of the active cohorts reviewed today. */
    done: z.int().min(0),
    totalWords: z.int().min(0),
  }),
  /** Reading tests by text: the latest score of each text's test, 0..1 (the per-attempt view is `readingTests`). */
  reading: ResultSlotSchema,
  /** Videos' questions by video: the share of each video's questions answered right, 0..1 (details in `videos`). */
  listening: ResultSlotSchema,
  /** Exercises by exercise: the latest score of each, 0..1 (the per-attempt view is `exerciseAttempts`). */
  exercises: ResultSlotSchema,
  texts: TextsReadSchema,
  readingTests: ReadingTestsSchema,
  videos: VideosWatchedSchema,
  exerciseAttempts: ExerciseAttemptsSchema,
});
export type StudentRecord = z.infer<typeof StudentRecordSchema>;

/** `GET /api/v1/teacher/students/:id/progress`: the record with the student's name. */
export const TeacherStudentRecordSchema = StudentRecordSchema.extend({ name: StudentNameSchema, namesUnavailable: z.boolean() });
export type TeacherStudentRecord = z.infer<typeof TeacherStudentRecordSchema>;
