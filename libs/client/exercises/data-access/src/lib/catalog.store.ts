import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiProblem } from '@tall/client/api';
import type { ExercisesApi } from './exercises-api';
import type { ExerciseLevel, ExerciseListQuery, ExerciseSummary, ExerciseType } from './exercise-types';

export interface CatalogFilters {
  type: ExerciseType | null;
  level: ExerciseLevel | null;
}

export const NO_CATALOG_FILTERS: CatalogFilters = { type: null, level: null };
export const CATALOG_PAGE_SIZE = 12;

export interface CatalogState {
  filters: CatalogFilters;
  page: number;
  pageSize: number;
  items: ExerciseSummary[];
  total: number;
  /** False until the first list arrived. */
  loaded: boolean;
  loading: boolean;
  problem: ApiProblem | null;
  /** Loads a page; a change of filter starts again at the first page. */
  load(change?: Partial<CatalogFilters> & { page?: number; pageSize?: number }): Promise<void>;
  clearProblem(): void;
}

export type CatalogStore = StoreApi<CatalogState>;

/** The query the API takes for these filters: empty filters are left out. */
export function catalogQuery(filters: CatalogFilters, page: number, pageSize: number): ExerciseListQuery {
  return { ...(filters.type ? { type: filters.type } : {}), ...(filters.level ? { level: filters.level } : {}), page, pageSize };
}

/** The school's exercises, filtered by type and level and paged, each with the student's latest score. */
export function createCatalogStore(api: ExercisesApi): CatalogStore {
  // Only the newest load may write: two filter changes in a row can be answered out of order.
  let generation = 0;
  return createStore<CatalogState>()((set, get) => {
    const problemOf = (error: unknown) => (error instanceof ApiProblem ? error : ApiProblem.network(error));
    return {
      filters: NO_CATALOG_FILTERS,
      page: 1,
      pageSize: CATALOG_PAGE_SIZE,
      items: [],
      total: 0,
      loaded: false,
      loading: false,
      problem: null,

      async load(change = {}) {
        const { page: requestedPage, pageSize: requestedSize, ...filterChange } = change;
        const filters = { ...get().filters, ...filterChange };
        const filtersChanged = (Object.keys(filterChange) as Array<keyof CatalogFilters>).some((key) => filterChange[key] !== get().filters[key]);
        const page = requestedPage ?? (filtersChanged ? 1 : get().page);
        const pageSize = requestedSize ?? get().pageSize;
        const mine = ++generation;
        set({ filters, page, pageSize, loading: true, problem: null });
        try {
          const list = await api.listExercises(catalogQuery(filters, page, pageSize));
          if (mine === generation) set({ items: list.items, total: list.total, loaded: true, loading: false });
        } catch (error) {
          if (mine === generation) set({ loading: false, problem: problemOf(error) });
        }
      },

      clearProblem() {
        set({ problem: null });
      },
    };
  });
}
