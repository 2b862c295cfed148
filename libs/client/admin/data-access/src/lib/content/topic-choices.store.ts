import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiProblem } from '@tall/client/api';
import type { ContentApi } from './content-api';
import type { ContentSummary } from './content-types';

export interface TopicChoicesState {
  /** Every dictionary topic an admin may put a word in or filter by (drafts too), by level and title. */
  topics: ContentSummary[];
  loaded: boolean;
  problem: ApiProblem | null;
  /** Loads them once; `force` again (after a topic was saved). */
  load(force?: boolean): Promise<void>;
}

export type TopicChoicesStore = StoreApi<TopicChoicesState>;

const PAGE_SIZE = 100;

export function createTopicChoicesStore(api: ContentApi): TopicChoicesStore {
  let loading: Promise<void> | null = null;
  return createStore<TopicChoicesState>()((set, get) => ({
    topics: [],
    loaded: false,
    problem: null,

    load(force = false) {
      if (loading) return loading;
      if (get().loaded && !force) return Promise.resolve();
      loading = (async () => {
        try {
          const topics: ContentSummary[] = [];
          for (let page = 1; ; page++) {
            const list = await api.list('topics', { page, pageSize: PAGE_SIZE });
            topics.push(...list.items);
            if (list.items.length === 0 || topics.length >= list.total) break;
          }
          topics.sort((a, b) => (a.level ?? '').localeCompare(b.level ?? '') || a.title.localeCompare(b.title, 'nl'));
          set({ topics, loaded: true, problem: null });
        } catch (error) {
          set({ problem: error instanceof ApiProblem ? error : ApiProblem.network(error) });
        } finally {
          loading = null;
        }
      })();
      return loading;
    },
  }));
}
