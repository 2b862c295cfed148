import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiProblem } from '@tall/client/api';
import type { ListeningApi } from './listening-api';
import type { VideoLevel, VideoListQuery, VideoSummary } from './listening-types';

export interface VideoFilters {
  level: VideoLevel | null;
  /** A dictionary topic slug. */
  topic: string | null;
}

export const NO_VIDEO_FILTERS: VideoFilters = { level: null, topic: null };

export interface VideoLibraryState {
  filters: VideoFilters;
  items: VideoSummary[];
  /** Every topic seen in a list so far, for the topic filter (the API has no list of them). */
  topics: string[];
  /** When the posters' pre-signed URLs stop working (ms since the epoch); 0 before the first list. */
  urlsExpireAt: number;
  /** False until the first list arrived. */
  loaded: boolean;
  loading: boolean;
  problem: ApiProblem | null;
  /** Loads the videos for these filters (the ones in place, changed as given). */
  load(change?: Partial<VideoFilters>): Promise<void>;
  /** Loads the list again when its poster URLs have expired (a poster failed to load). */
  renewIfExpired(now?: number): Promise<boolean>;
  clearProblem(): void;
}

export type VideoLibraryStore = StoreApi<VideoLibraryState>;

/** The query the API takes for these filters: empty filters are left out. */
export function videoListQuery(filters: VideoFilters): VideoListQuery {
  return { ...(filters.level ? { level: filters.level } : {}), ...(filters.topic ? { topic: filters.topic } : {}) };
}

/** The video library: the videos whose media are in place, by level and topic, with the student's position. */
export function createVideoLibraryStore(api: ListeningApi): VideoLibraryStore {
  // Only the newest load may write: a second filter change can overtake the first.
  let generation = 0;
  return createStore<VideoLibraryState>()((set, get) => ({
    filters: NO_VIDEO_FILTERS,
    items: [],
    topics: [],
    urlsExpireAt: 0,
    loaded: false,
    loading: false,
    problem: null,

    async load(change = {}) {
      const filters = { ...get().filters, ...change };
      const mine = ++generation;
      set({ filters, loading: true, problem: null });
      try {
        const list = await api.listVideos(videoListQuery(filters));
        if (mine !== generation) return;
        const topics = [...new Set([...get().topics, ...list.items.map((item) => item.topic)])].sort();
        set({ items: list.items, topics, urlsExpireAt: Date.parse(list.urlsExpireAt), loaded: true, loading: false });
      } catch (error) {
        if (mine === generation) set({ loading: false, problem: error instanceof ApiProblem ? error : ApiProblem.network(error) });
      }
    },

    async renewIfExpired(now = Date.now()) {
      const { loaded, loading, urlsExpireAt } = get();
      if (!loaded || loading || now < urlsExpireAt) return false;
      await get().load();
      return true;
    },

    clearProblem() {
      set({ problem: null });
    },
  }));
}
