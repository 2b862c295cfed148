/** Where a student is in a video, and how long they watched it. */
export interface Viewing {
  positionSeconds: number;
  /** Seconds watched in total, summed from the reports. */
  watchedSeconds: number;
  completed: boolean;
  /** When the current viewing session began (a `video.started` went out). */
  startedAt: Date;
  /** When the last `video.progressed` went out. */
  progressReportedAt: Date | null;
  updatedAt: Date;
  /** Optimistic concurrency: bumped by every write. */
  revision: number;
}

/** Away this long, and watching again is a new session with its own `video.started`. */
export const VIEWING_SESSION_GAP_MS = 30 * 60_000;
/** At most one `video.progressed` per student and video this often: players report every few seconds. */
export const PROGRESS_EVENT_INTERVAL_MS = 5 * 60_000;
/** A player may report a little past the end (rounding, the last frame). */
export const POSITION_TOLERANCE_SECONDS = 1;

/** A position past the video's end. */
export class PositionOutOfRangeError extends Error {
  constructor(positionSeconds: number, durationSeconds: number) {
    super(`The video is ${durationSeconds} s long; ${positionSeconds} s is past its end`);
    this.name = 'PositionOutOfRangeError';
  }
}

/** Watched to the end: the last second, or the last 5 % of a long video (the credits). */
export function reachesEnd(positionSeconds: number, durationSeconds: number): boolean {
  return positionSeconds >= Math.max(0, Math.min(durationSeconds - 1, durationSeconds * 0.95));
}

export interface ViewingReport {
  positionSeconds: number;
  /** Seconds watched since the last report. */
  watchedSeconds: number;
}

export interface ViewingUpdate {
  next: Viewing;
  /** A new viewing session began: `video.started`. */
  started: boolean;
  /** The running watching time is due: `video.progressed`. */
  progressed: boolean;
  /** Watched to the end for the first time: `video.completed`. */
  completed: boolean;
}

/**
 * Applies a position report. The first report, or one after half an hour away, starts a session;
 * reaching the end completes the video once; otherwise the watching time goes out at most every
 * five minutes, and only when there was some.
 */
export function applyViewingReport(previous: Viewing | null, report: ViewingReport, durationSeconds: number, at: Date): ViewingUpdate {
  if (report.positionSeconds > durationSeconds + POSITION_TOLERANCE_SECONDS) throw new PositionOutOfRangeError(report.positionSeconds, durationSeconds);
  const positionSeconds = Math.min(report.positionSeconds, durationSeconds);
  const watchedSeconds = (previous?.watchedSeconds ?? 0) + report.watchedSeconds;
  const started = !previous || at.getTime() - previous.updatedAt.getTime() >= VIEWING_SESSION_GAP_MS;
  const completed = !previous?.completed && reachesEnd(positionSeconds, durationSeconds);
  const progressDue = !previous?.progressReportedAt || at.getTime() - previous.progressReportedAt.getTime() >= PROGRESS_EVENT_INTERVAL_MS;
  const progressed = !completed && report.watchedSeconds > 0 && progressDue;
  return {
    next: {
      positionSeconds,
      watchedSeconds,
      completed: Boolean(previous?.completed) || completed,
      startedAt: started ? at : (previous?.startedAt ?? at),
      progressReportedAt: progressed ? at : (previous?.progressReportedAt ?? null),
      updatedAt: at,
      revision: (previous?.revision ?? 0) + 1,
    },
    started,
    progressed,
    completed,
  };
}
