import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  ApiProblem,
  call,
  type CefrLevel,
  type ReviewBatchItem,
  type TallApi,
  type ThematicAnswer,
  type ThematicCard,
  type ThematicReviewResult,
  type ThematicSession,
  type ThematicSessionMode,
  type TopicSummary,
} from '@tall/client/api';

export interface AnsweredCard {
  card: ThematicCard;
  answer: ThematicAnswer;
  /** Null while the review waits offline: only the API knows the right answer. */
  correct: boolean | null;
  expected: ThematicReviewResult['expected'] | null;
  queued: boolean;
}

export interface SessionOptions {
  size?: number;
  mode?: ThematicSessionMode;
  /** Language of the translations shown. */
  lang?: string;
}

export interface ThematicState {
  topics: TopicSummary[];
  loadingTopics: boolean;
  problem: ApiProblem | null;
  topic: TopicSummary | null;
  session: ThematicSession | null;
  loadingSession: boolean;
  index: number;
  answers: AnsweredCard[];
  /** The answer to the current card, shown until the student moves on. */
  feedback: AnsweredCard | null;
  submitting: boolean;
  loadTopics(level?: CefrLevel | null): Promise<void>;
  startSession(topicId: string, options?: SessionOptions): Promise<void>;
  answer(answer: ThematicAnswer): Promise<void>;
  next(): void;
  leave(): void;
}

export type ThematicStore = StoreApi<ThematicState>;

export interface ThematicStoreDeps {
  api: TallApi;
  /** Keeps a review for the offline sync; used when the API cannot be reached. */
  enqueue: (item: ReviewBatchItem) => Promise<void>;
  now?: () => number;
  newId?: () => string;
}

/** Thematic cards: topics by level, and one study session at a time (answers checked by the API). */
export function createThematicStore({ api, enqueue, now = () => Date.now(), newId = () => crypto.randomUUID() }: ThematicStoreDeps): ThematicStore {
  let shownAt = now();
  let lang = 'en';
  return createStore<ThematicState>()((set, get) => ({
    topics: [],
    loadingTopics: false,
    problem: null,
    topic: null,
    session: null,
    loadingSession: false,
    index: 0,
    answers: [],
    feedback: null,
    submitting: false,

    async loadTopics(level = null) {
      set({ loadingTopics: true, problem: null });
      try {
        const topics = await call(api.GET('/api/v1/vocabulary/topics', { params: { query: level ? { level } : {} } }));
        set({ topics: [...topics].sort((a, b) => a.level.localeCompare(b.level) || a.order - b.order), loadingTopics: false });
      } catch (error) {
        set({ loadingTopics: false, problem: asProblem(error) });
      }
    },

    async startSession(topicId, options = {}) {
      lang = options.lang ?? 'en';
      set({ loadingSession: true, problem: null, session: null, answers: [], feedback: null, index: 0 });
      try {
        const session = await call(
          api.GET('/api/v1/vocabulary/topics/{id}/session', {
            params: { path: { id: topicId }, query: { mode: options.mode ?? 'mixed', lang, ...(options.size ? { size: options.size } : {}) } },
          }),
        );
        const topic = get().topics.find((candidate) => candidate.id === topicId) ?? null;
        shownAt = now();
        set({ session, topic, loadingSession: false });
      } catch (error) {
        set({ loadingSession: false, problem: asProblem(error) });
      }
    },

    async answer(answer) {
      const { session, index, feedback, submitting } = get();
      const card = session?.cards[index];
      if (!card || feedback || submitting) return;
      const body = {
        reviewId: newId(),
        wordId: card.wordId,
        mode: card.mode,
        answer,
        answeredAt: new Date(now()).toISOString(),
        durationMs: Math.min(3_600_000, Math.max(0, Math.round(now() - shownAt))),
      };
      set({ submitting: true, problem: null });
      let answered: AnsweredCard;
      try {
        const result = await call(api.POST('/api/v1/vocabulary/thematic/reviews', { body, params: { query: { lang } } }));
        answered = { card, answer, correct: result.correct, expected: result.expected, queued: false };
      } catch (error) {
        const problem = asProblem(error);
        if (problem.status !== 0) {
          set({ submitting: false, problem });
          return;
        }
        // Offline: the review waits in the outbox and is checked when it reaches the API.
        await enqueue({ kind: 'thematic', ...body });
        answered = { card, answer, correct: null, expected: null, queued: true };
      }
      set((state) => ({ submitting: false, feedback: answered, answers: [...state.answers, answered] }));
    },

    next() {
      if (!get().feedback) return;
      shownAt = now();
      set((state) => ({ feedback: null, index: state.index + 1 }));
    },

    leave() {
      set({ session: null, answers: [], feedback: null, index: 0, problem: null });
    },
  }));
}

function asProblem(error: unknown): ApiProblem {
  return error instanceof ApiProblem ? error : ApiProblem.network(error);
}

/** The end-of-session figures: right, wrong, waiting to be checked. */
export function sessionSummary(answers: readonly AnsweredCard[]): { total: number; correct: number; wrong: number; queued: number } {
  return {
    total: answers.length,
    correct: answers.filter((answer) => answer.correct === true).length,
    wrong: answers.filter((answer) => answer.correct === false).length,
    queued: answers.filter((answer) => answer.queued).length,
  };
}
