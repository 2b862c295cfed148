import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiProblem } from '@tall/client/api';
import type { ContentApi } from './content-api';
import type { ContentKind, ContentLevel, ContentListQuery, ContentStatus, ContentSummary } from './content-types';

export interface ContentFilters {
  status: ContentStatus | null;
  level: ContentLevel | null;
  /** A dictionary topic's id (words only). */
  topic: string | null;
  /** Search text: a word's lemma or translation, a topic's title. */
  q: string;
}

export const NO_CONTENT_FILTERS: ContentFilters = { status: null, level: null, topic: null, q: '' };
export const CONTENT_PAGE_SIZE = 25;

export type ContentListChange = Partial<ContentFilters> & { kind?: ContentKind; page?: number; pageSize?: number };

export interface ContentListState {
  kind: ContentKind;
  filters: ContentFilters;
  page: number;
  pageSize: number;
  items: ContentSummary[];
  total: number;
  /** False until the first list arrived. */
  loaded: boolean;
  loading: boolean;
  problem: ApiProblem | null;
  /** Loads a page; another kind or filter starts again at the first page (another kind also without a topic). */
  load(change?: ContentListChange): Promise<void>;
  clearProblem(): void;
}

export type ContentListStore = StoreApi<ContentListState>;

/** The API's query for these filters: empty ones are left out. */
export function contentQuery(filters: ContentFilters, kind: ContentKind, page: number, pageSize: number): ContentListQuery {
  const q = filters.q.trim();
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(q ? { q } : {}),
    ...(filters.level ? { level: filters.level } : {}),
    ...(filters.topic && kind === 'words' ? { topic: filters.topic } : {}),
    page,
    pageSize,
  };
}

/** The content admin's list of one kind: filtered by status (the review queue is `in_review`), level, topic and text, paged. */
export function createContentListStore(api: ContentApi): ContentListStore {
  // Only the newest load may write: typing a search sends several in a row, answered in any order.
  let generation = 0;
  return createStore<ContentListState>()((set, get) => ({
    kind: 'words',
    filters: NO_CONTENT_FILTERS,
    page: 1,
    pageSize: CONTENT_PAGE_SIZE,
    items: [],
    total: 0,
    loaded: false,
    loading: false,
    problem: null,

    async load(change = {}) {
      const { kind: requestedKind, page: requestedPage, pageSize: requestedSize, ...filterChange } = change;
      const current = get();
      const kind = requestedKind ?? current.kind;
      const filters = { ...current.filters, ...filterChange, ...(kind !== current.kind ? { topic: null } : {}) };
      const changed = kind !== current.kind || (Object.keys(filters) as Array<keyof ContentFilters>).some((key) => filters[key] !== current.filters[key]);
      const page = requestedPage ?? (changed ? 1 : current.page);
      const pageSize = requestedSize ?? current.pageSize;
      const mine = ++generation;
      set({ kind, filters, page, pageSize, loading: true, problem: null, ...(kind !== current.kind ? { items: [], total: 0, loaded: false } : {}) });
      try {
        const list = await api.list(kind, contentQuery(filters, kind, page, pageSize));
        if (mine === generation) set({ items: list.items, total: list.total, loaded: true, loading: false });
      } catch (error) {
        if (mine === generation) set({ loading: false, problem: error instanceof ApiProblem ? error : ApiProblem.network(error) });
      }
    },

    clearProblem() {
      set({ problem: null });
    },
  }));
}
