import type { GivenAnswer, VideoAnswerResult, VideoQuestion, VideoView } from './listening-types';

/** Resuming this close to a question not yet answered asks it when playback starts. */
export const RESUME_LOOK_BACK_SECONDS = 1;

/** What the student did with a question: answered (right or wrong) or skipped; the expected answer once the server said it. */
export interface AnswerMark {
  questionId: string;
  /** Null when skipped. */
  correct: boolean | null;
  skipped: boolean;
  /** Known only for answers of this visit: the server tells it with the verdict. */
  expected?: string | boolean;
}

export type AnswerMarks = Readonly<Record<string, AnswerMark>>;

export interface ViewingSummary {
  questions: number;
  /** Answered, not skipped. */
  answered: number;
  correct: number;
  skipped: number;
}

/** The marks of answers the API kept from earlier visits. */
export function marksOf(answers: readonly GivenAnswer[]): Record<string, AnswerMark> {
  return Object.fromEntries(answers.map(({ questionId, correct, skipped }) => [questionId, { questionId, correct, skipped }]));
}

export function markOf(result: VideoAnswerResult): AnswerMark {
  return { questionId: result.questionId, correct: result.correct, skipped: result.skipped, expected: result.expected };
}

/**
 * The question to ask when the player went forward from `from` to `to` seconds, by playing or by a
 * seek: the first one not answered yet whose time lies in between (a seek cannot jump a question).
 * Null when nothing was crossed, or the player went back.
 */
export function questionCrossed(questions: readonly VideoQuestion[], marks: AnswerMarks, from: number, to: number): VideoQuestion | null {
  if (to <= from) return null;
  return (
    [...questions]
      .sort((a, b) => a.atSeconds - b.atSeconds)
      .find((question) => !marks[question.id] && question.atSeconds > from && question.atSeconds <= to) ?? null
  );
}

/** Answered, right and skipped among the video's questions. */
export function viewingSummary(questions: readonly VideoQuestion[], marks: AnswerMarks): ViewingSummary {
  const given = questions.map((question) => marks[question.id]).filter((mark): mark is AnswerMark => !!mark);
  return {
    questions: questions.length,
    answered: given.filter((mark) => !mark.skipped).length,
    correct: given.filter((mark) => mark.correct === true).length,
    skipped: given.filter((mark) => mark.skipped).length,
  };
}

/** Where playback starts: the saved position, or the beginning when never watched or watched to the end. */
export function startPosition(video: Pick<VideoView, 'position' | 'durationSeconds'>): number {
  const saved = video.position?.positionSeconds ?? 0;
  return saved > 0 && saved < video.durationSeconds - 1 ? saved : 0;
}

/** `1:05`, `12:00`, `1:02:03`: a duration as a clock shows it. */
export function clockTime(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const pad = (value: number) => String(value).padStart(2, '0');
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor(seconds / 60) % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds % 60)}` : `${minutes}:${pad(seconds % 60)}`;
}
