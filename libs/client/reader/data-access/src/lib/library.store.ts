import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiProblem } from '@tall/client/api';
import type { ReaderApi } from './reader-api';
import type { ReaderLevel, TextListQuery, TextSource, TextSummary } from './reader-types';

export interface LibraryFilters {
  source: TextSource | null;
  level: ReaderLevel | null;
  /** A dictionary topic slug. */
  topic: string | null;
  /** Part of the title. */
  search: string;
  /** At least this share of the words known (0 = no limit). */
  minKnown: number;
}

export const NO_FILTERS: LibraryFilters = { source: null, level: null, topic: null, search: '', minKnown: 0 };
export const LIBRARY_PAGE_SIZE = 12;

export interface LibraryState {
  filters: LibraryFilters;
  page: number;
  pageSize: number;
  items: TextSummary[];
  total: number;
  /** False until the first list arrived. */
  loaded: boolean;
  loading: boolean;
  /** The text being deleted. */
  deleting: string | null;
  problem: ApiProblem | null;
  /** Loads a page; a change of filter starts again at the first page. */
  load(change?: Partial<LibraryFilters> & { page?: number; pageSize?: number }): Promise<void>;
  /** Deletes one of the student's own texts and reloads the page. */
  remove(id: string): Promise<boolean>;
  clearProblem(): void;
}

export type LibraryStore = StoreApi<LibraryState>;

/** The query the API takes for these filters: empty filters are left out. */
export function libraryQuery(filters: LibraryFilters, page: number, pageSize: number): TextListQuery {
  const search = filters.search.trim();
  return {
    ...(filters.source ? { source: filters.source } : {}),
    ...(filters.level ? { level: filters.level } : {}),
    ...(filters.topic ? { topic: filters.topic } : {}),
    ...(search ? { q: search.slice(0, 80) } : {}),
    ...(filters.minKnown > 0 ? { minKnown: Math.min(100, Math.round(filters.minKnown)) } : {}),
    page,
    pageSize,
  };
}

/** The reader's library: the school's texts, the student's own and the test texts, filtered and paged. */
export function createLibraryStore(api: ReaderApi): LibraryStore {
  // Only the newest load may write: typing a search sends a load per key, and answers can cross.
  let generation = 0;
  return createStore<LibraryState>()((set, get) => {
    const problemOf = (error: unknown) => (error instanceof ApiProblem ? error : ApiProblem.network(error));
    return {
      filters: NO_FILTERS,
      page: 1,
      pageSize: LIBRARY_PAGE_SIZE,
      items: [],
      total: 0,
      loaded: false,
      loading: false,
      deleting: null,
      problem: null,

      async load(change = {}) {
        const { page: requestedPage, pageSize: requestedSize, ...filterChange } = change;
        const filters = { ...get().filters, ...filterChange };
        const filtersChanged = (Object.keys(filterChange) as Array<keyof LibraryFilters>).some((key) => filterChange[key] !== get().filters[key]);
        const page = requestedPage ?? (filtersChanged ? 1 : get().page);
        const pageSize = requestedSize ?? get().pageSize;
        const mine = ++generation;
        set({ filters, page, pageSize, loading: true, problem: null });
        try {
          const list = await api.listTexts(libraryQuery(filters, page, pageSize));
          if (mine !== generation) return;
          // A page past the end (the last text of the last page deleted): show the last page there is.
          if (list.items.length === 0 && list.total > 0 && page > 1) {
            await get().load({ page: Math.max(1, Math.ceil(list.total / pageSize)) });
            return;
          }
          set({ items: list.items, total: list.total, loaded: true, loading: false });
        } catch (error) {
          if (mine === generation) set({ loading: false, problem: problemOf(error) });
        }
      },

      async remove(id) {
        set({ deleting: id, problem: null });
        try {
          await api.deleteText(id);
          set({ deleting: null });
          await get().load();
          return true;
        } catch (error) {
          set({ deleting: null, problem: problemOf(error) });
          return false;
        }
      },

      clearProblem() {
        set({ problem: null });
      },
    };
  });
}
