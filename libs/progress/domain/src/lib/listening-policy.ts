import type { ResultSlot, VideoQuestions, VideoResult, VideosWatched } from '@tall/progress/contracts';
import type { AnswerVerdict } from './progress-facts';

/** One video as the read model keeps it: listening's watching events about it folded together. */
export interface VideoWatchState {
  videoId: string;
  level: string;
  /**
   * The largest running total of watching seconds reported. Progress reports and the end both
   * carry the total so far, so the largest is the video's time whatever order or how often they
   * arrive; adding them up would count the same seconds again.
   */
  watchedSeconds: number;
  /** The earliest video.completed; null while the video was not watched to the end. */
  completedAt: Date | null;
  /** The latest event about the video. */
  lastWatchedAt: Date;
}

/**
 * One timed question as the student met it, every answer to it folded together: counts, and the
 * verdict of the latest answer that was not a skip.
 */
export interface VideoQuestionState {
  videoId: string;
  questionId: string;
  /** Answers given (skips not counted). */
  answers: number;
  skips: number;
  /** Whether the latest answer (not a skip) was right; null while the question was only skipped. */
  correct: boolean | null;
  /** The latest answer or skip. */
  lastAt: Date;
}

/** Videos shown in a record, newest first. */
export const RECENT_VIDEOS = 10;

/**
 * Listening's grading in progress's words. A skip is a skip whatever else the event says; an
 * answer that was not graded right counts as wrong.
 */
export function answerVerdict(answer: { correct: boolean | null; skipped: boolean }): AnswerVerdict {
  if (answer.skipped) return 'skipped';
  return answer.correct === true ? 'correct' : 'wrong';
}

/** Answered at least once, not only skipped. */
export function isAnswered(question: Pick<VideoQuestionState, 'answers'>): boolean {
  return question.answers > 0;
}

/**
 * A student's timed questions: each question counts once, however often it was answered. The
 * answer rate is answered ÷ asked (a question only ever skipped is not answered), the correct rate
 * is right ÷ answered, by each question's latest answer.
 */
export function videoQuestions(questions: readonly VideoQuestionState[]): VideoQuestions {
  const answered = questions.filter(isAnswered);
  const correct = answered.filter((question) => question.correct === true).length;
  return {
    asked: questions.length,
    answered: answered.length,
    correct,
    answerRate: answerRate(questions.length, answered.length),
    correctRate: answered.length > 0 ? correct / answered.length : null,
  };
}

/** Answered ÷ asked, or null without questions (the dashboard's column, aggregated by the store). */
export function answerRate(asked: number, answered: number): number | null {
  return asked > 0 ? answered / asked : null;
}

/**
 * A student's videos: every video told about counts as started (a progress report whose start is
 * late or lost too), the completed ones as watched, with each video's own total of seconds; the
 * ten most recent videos, watched or answered, with their questions.
 */
export function videosWatched(videos: readonly VideoWatchState[], questions: readonly VideoQuestionState[]): VideosWatched {
  const lastWatchedAt = latest(videos.map((video) => video.lastWatchedAt));
  return {
    started: videos.length,
    completed: videos.filter((video) => video.completedAt !== null).length,
    watchedSeconds: Math.round(videos.reduce((sum, video) => sum + video.watchedSeconds, 0)),
    lastWatchedAt: lastWatchedAt?.toISOString() ?? null,
    questions: videoQuestions(questions),
    recent: videoResults(videos, questions).slice(0, RECENT_VIDEOS),
  };
}

/** Every video watched or answered, newest first (ties by id, as the store would order them). */
function videoResults(videos: readonly VideoWatchState[], questions: readonly VideoQuestionState[]): VideoResult[] {
  const watched = new Map(videos.map((video) => [video.videoId, video]));
  const asked = groupBy(questions, (question) => question.videoId);
  const ids = [...new Set([...watched.keys(), ...asked.keys()])];
  return ids
    .map((videoId): VideoResult => {
      const video = watched.get(videoId);
      const its = asked.get(videoId) ?? [];
      const counts = videoQuestions(its);
      return {
        videoId,
        level: video?.level ?? null,
        completed: video?.completedAt != null,
        watchedSeconds: Math.round(video?.watchedSeconds ?? 0),
        asked: counts.asked,
        answered: counts.answered,
        correct: counts.correct,
        lastAt: (latest([...(video ? [video.lastWatchedAt] : []), ...its.map((question) => question.lastAt)]) as Date).toISOString(),
      };
    })
    .sort((a, b) => Date.parse(b.lastAt) - Date.parse(a.lastAt) || codeUnitOrder(a.videoId, b.videoId));
}

/**
 * The record's `listening` slot, by video: a video with questions is an item, its score the share
 * of its questions answered right (a skipped one counts as not right), its attempts every answer
 * and skip; the average is the mean of the videos' shares.
 */
export function listeningSlot(questions: readonly VideoQuestionState[]): ResultSlot {
  const items = [...groupBy(questions, (question) => question.videoId)]
    .map(([itemId, its]) => ({
      itemId,
      score: its.filter((question) => question.correct === true).length / its.length,
      attempts: its.reduce((sum, question) => sum + question.answers + question.skips, 0),
      at: latest(its.map((question) => question.lastAt)) as Date,
    }))
    .sort((a, b) => b.at.getTime() - a.at.getTime() || codeUnitOrder(a.itemId, b.itemId));
  return {
    completed: items.length,
    attempts: items.reduce((sum, item) => sum + item.attempts, 0),
    averageScore: items.length > 0 ? items.reduce((sum, item) => sum + item.score, 0) / items.length : null,
    lastAt: items[0]?.at.toISOString() ?? null,
    recent: items.slice(0, RECENT_VIDEOS).map((item) => ({ itemId: item.itemId, score: item.score, attempts: item.attempts, at: item.at.toISOString() })),
  };
}

function latest(dates: readonly Date[]): Date | null {
  return dates.reduce<Date | null>((found, date) => (found === null || date > found ? date : found), null);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** Plain code-unit order, as PostgreSQL's C collation and the reader's attempts use. */
function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
