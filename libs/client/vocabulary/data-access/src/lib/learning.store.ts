import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  ApiProblem,
  call,
  type AddMyWord,
  type LearningRating,
  type LearningStats,
  type MySchedule,
  type MyWord,
  type ReviewBatchItem,
  type TallApi,
  type TodayQueue,
} from '@tall/client/api';

export interface LearningState {
  words: MyWord[];
  total: number;
  search: string;
  page: number;
  pageSize: number;
  loadingWords: boolean;
  today: TodayQueue | null;
  /** Position in today's queue, and whether the back of the card is shown. */
  index: number;
  revealed: boolean;
  ratedToday: number;
  queuedToday: number;
  schedule: MySchedule | null;
  stats: LearningStats | null;
  loading: boolean;
  saving: boolean;
  problem: ApiProblem | null;
  loadWords(change?: { search?: string; page?: number; pageSize?: number }): Promise<void>;
  addWord(word: AddMyWord): Promise<MyWord | null>;
  removeWord(id: string): Promise<boolean>;
  loadToday(): Promise<void>;
  reveal(): void;
  rate(rating: LearningRating): Promise<void>;
  loadSchedule(): Promise<void>;
  clearProblem(): void;
}

export type LearningStore = StoreApi<LearningState>;

export interface LearningStoreDeps {
  api: TallApi;
  enqueue: (item: ReviewBatchItem) => Promise<void>;
  now?: () => number;
  newId?: () => string;
}

/** Learning cards: the personal dictionary, today's practice (FSRS, self-rated) and the weekly plan. */
export function createLearningStore({ api, enqueue, now = () => Date.now(), newId = () => crypto.randomUUID() }: LearningStoreDeps): LearningStore {
  let shownAt = now();
  return createStore<LearningState>()((set, get) => {
    const fail = (error: unknown) => set({ loading: false, loadingWords: false, saving: false, problem: error instanceof ApiProblem ? error : ApiProblem.network(error) });
    return {
      words: [],
      total: 0,
      search: '',
      page: 1,
      pageSize: 25,
      loadingWords: false,
      today: null,
      index: 0,
      revealed: false,
      ratedToday: 0,
      queuedToday: 0,
      schedule: null,
      stats: null,
      loading: false,
      saving: false,
      problem: null,

      async loadWords(change = {}) {
        const search = change.search ?? get().search;
        const page = change.page ?? (change.search !== undefined ? 1 : get().page);
        const pageSize = change.pageSize ?? get().pageSize;
        set({ search, page, pageSize, loadingWords: true, problem: null });
        try {
          const list = await call(api.GET('/api/v1/vocabulary/my-words', { params: { query: { page, pageSize, ...(search.trim() ? { q: search.trim() } : {}) } } }));
          set({ words: list.items, total: list.total, loadingWords: false });
        } catch (error) {
          fail(error);
        }
      },

      async addWord(word) {
        set({ saving: true, problem: null });
        try {
          const added = await call(api.POST('/api/v1/vocabulary/my-words', { body: word }));
          set({ saving: false });
          await get().loadWords({ page: 1 });
          return added;
        } catch (error) {
          fail(error);
          return null;
        }
      },

      async removeWord(id) {
        set({ saving: true, problem: null });
        try {
          await call(api.DELETE('/api/v1/vocabulary/my-words/{id}', { params: { path: { id } } }));
          set((state) => ({ saving: false, words: state.words.filter((word) => word.id !== id), total: Math.max(0, state.total - 1) }));
          return true;
        } catch (error) {
          fail(error);
          return false;
        }
      },

      async loadToday() {
        set({ loading: true, problem: null });
        try {
          const [today, stats] = await Promise.all([
            call(api.GET('/api/v1/vocabulary/my-words/today', { params: { query: { limit: 200 } } })),
            call(api.GET('/api/v1/vocabulary/my-words/stats')),
          ]);
          shownAt = now();
          set({ today, stats, index: 0, revealed: false, loading: false });
        } catch (error) {
          fail(error);
        }
      },

      reveal() {
        set({ revealed: true });
      },

      async rate(rating) {
        const { today, index, saving } = get();
        const card = today?.items[index];
        if (!card || saving) return;
        const body = {
          reviewId: newId(),
          userWordId: card.userWordId,
          rating,
          answeredAt: new Date(now()).toISOString(),
          durationMs: Math.min(3_600_000, Math.max(0, Math.round(now() - shownAt))),
        };
        set({ saving: true, problem: null });
        let queued = false;
        try {
          await call(api.POST('/api/v1/vocabulary/my-words/reviews', { body }));
        } catch (error) {
          const problem = error instanceof ApiProblem ? error : ApiProblem.network(error);
          if (problem.status !== 0) {
            fail(problem);
            return;
          }
          await enqueue({ kind: 'learning', ...body });
          queued = true;
        }
        shownAt = now();
        set((state) => ({
          saving: false,
          index: state.index + 1,
          revealed: false,
          ratedToday: state.ratedToday + 1,
          queuedToday: state.queuedToday + (queued ? 1 : 0),
        }));
      },

      async loadSchedule() {
        set({ loading: true, problem: null });
        try {
          set({ schedule: await call(api.GET('/api/v1/vocabulary/my-schedule')), loading: false });
        } catch (error) {
          fail(error);
        }
      },

      clearProblem() {
        set({ problem: null });
      },
    };
  });
}
