import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiProblem } from '@tall/client/api';
import type { ListeningApi } from './listening-api';
import type { VideoAnswer, VideoAnswerResult, VideoQuestion, VideoView } from './listening-types';
import { markOf, marksOf, questionCrossed, type AnswerMarks } from './timed-questions';

/** URLs this close to their expiry are renewed before playing on: a range request could fail half-way. */
export const RENEW_MARGIN_MS = 15_000;

export interface PlayerState {
  video: VideoView | null;
  loading: boolean;
  /** Why the video could not be opened, or an answer was refused. */
  problem: ApiProblem | null;
  /** What the student did with each question: before (as the API kept it) and during this visit. */
  marks: AnswerMarks;
  /** The question the player stopped for. */
  asking: VideoQuestion | null;
  /** The server's verdict on the question just answered, shown until the student continues. */
  verdict: VideoAnswerResult | null;
  submitting: boolean;
  /** New URLs for the media are being fetched. */
  renewing: boolean;
  /** The video played to its end in this visit: the summary shows. */
  ended: boolean;
  open(id: string): Promise<void>;
  /** True when the media URLs have expired or are about to. */
  urlsExpired(now?: number): boolean;
  /**
   * Fetches the video again for new pre-signed URLs (they expire after minutes; a long pause
   * outlives them). Answers and where the student is stay as they are here.
   */
  renewUrls(): Promise<boolean>;
  /** The player went from `from` to `to` seconds: stops at the first unanswered question in between, if any. */
  reached(from: number, to: number): VideoQuestion | null;
  /** Sends the answer to the question being asked; the verdict shows until `proceed`. */
  submit(answer: Exclude<VideoAnswer, null>, positionSeconds: number): Promise<boolean>;
  /** Skips the question being asked (the API counts skips), and goes on at once. */
  skip(positionSeconds: number): Promise<boolean>;
  /** After the verdict: the question is done, playback goes on. */
  proceed(): void;
  finish(): void;
  /** Watching again after the summary. */
  replay(): void;
  /**
   * Tells the API where the player is and how long it played since the last report. Skipped when
   * nothing changed; failures stay quiet (the caller keeps the seconds for the next report). The
   * video is named: the last report of a video may leave after the next one opened.
   */
  reportPosition(videoId: string, positionSeconds: number, watchedSeconds: number, options?: { keepalive?: boolean }): Promise<boolean>;
  clearProblem(): void;
}

export type PlayerStore = StoreApi<PlayerState>;

/** One video in the player: its media, the timed questions and their verdicts, and the position. */
export function createPlayerStore(api: ListeningApi, now: () => number = () => Date.now()): PlayerStore {
  let reported: { videoId: string; positionSeconds: number } | null = null;
  // Only the newest open may write: the student can move to another video before the first arrives.
  let generation = 0;
  return createStore<PlayerState>()((set, get) => {
    const problemOf = (error: unknown) => (error instanceof ApiProblem ? error : ApiProblem.network(error));
    const clamp = (positionSeconds: number) => Math.max(0, Math.min(get().video?.durationSeconds ?? positionSeconds, positionSeconds));
    const answer = async (value: VideoAnswer, positionSeconds: number): Promise<VideoAnswerResult | null> => {
      const { video, asking } = get();
      if (!video || !asking || get().submitting) return null;
      set({ submitting: true, problem: null });
      try {
        const result = await api.answer(video.id, { questionId: asking.id, answer: value, positionSeconds: clamp(positionSeconds) });
        set((current) => ({ submitting: false, marks: { ...current.marks, [asking.id]: markOf(result) } }));
        return result;
      } catch (error) {
        set({ submitting: false, problem: problemOf(error) });
        return null;
      }
    };

    return {
      video: null,
      loading: false,
      problem: null,
      marks: {},
      asking: null,
      verdict: null,
      submitting: false,
      renewing: false,
      ended: false,

      async open(id) {
        const mine = ++generation;
        reported = null;
        set({ video: null, loading: true, problem: null, marks: {}, asking: null, verdict: null, submitting: false, renewing: false, ended: false });
        try {
          const video = await api.getVideo(id);
          if (mine !== generation) return;
          if (video.position) reported = { videoId: video.id, positionSeconds: video.position.positionSeconds };
          set({ video, loading: false, marks: marksOf(video.answers) });
        } catch (error) {
          if (mine === generation) set({ loading: false, problem: problemOf(error) });
        }
      },

      urlsExpired(at = now()) {
        const video = get().video;
        return !!video && at >= Date.parse(video.urlsExpireAt) - RENEW_MARGIN_MS;
      },

      async renewUrls() {
        const current = get().video;
        if (!current || get().renewing) return false;
        const mine = generation;
        set({ renewing: true });
        try {
          const fresh = await api.getVideo(current.id);
          if (mine !== generation) return false;
          // Only the URLs: the marks and the position of this visit are newer than the server's copy.
          set((state) =>
            state.video
              ? { renewing: false, video: { ...state.video, streamUrl: fresh.streamUrl, posterUrl: fresh.posterUrl, subtitles: fresh.subtitles, urlsExpireAt: fresh.urlsExpireAt } }
              : { renewing: false },
          );
          return true;
        } catch (error) {
          if (mine === generation) set({ renewing: false, problem: problemOf(error) });
          return false;
        }
      },

      reached(from, to) {
        const { video, marks, asking } = get();
        if (!video || asking) return asking;
        const question = questionCrossed(video.questions, marks, from, to);
        if (question) set({ asking: question, verdict: null, problem: null });
        return question;
      },

      async submit(value, positionSeconds) {
        const result = await answer(value, positionSeconds);
        if (result) set({ verdict: result });
        return !!result;
      },

      async skip(positionSeconds) {
        const result = await answer(null, positionSeconds);
        if (result) set({ asking: null, verdict: null });
        return !!result;
      },

      proceed() {
        set({ asking: null, verdict: null, problem: null });
      },

      finish() {
        set({ ended: true });
      },

      replay() {
        set({ ended: false });
      },

      async reportPosition(videoId, positionSeconds, watchedSeconds, options = {}) {
        const ours = get().video?.id === videoId;
        const position = Math.round((ours ? clamp(positionSeconds) : Math.max(0, positionSeconds)) * 100) / 100;
        const seconds = Math.max(0, Math.round(watchedSeconds));
        if (seconds === 0 && reported?.videoId === videoId && Math.abs(reported.positionSeconds - position) < 0.5) return true;
        try {
          const saved = await api.savePosition(videoId, { positionSeconds: position, watchedSeconds: seconds }, options);
          if (get().video?.id !== videoId) return true;
          reported = { videoId, positionSeconds: position };
          set((state) => (state.video ? { video: { ...state.video, position: saved } } : {}));
          return true;
        } catch {
          return false;
        }
      },

      clearProblem() {
        set({ problem: null });
      },
    };
  });
}
