import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiProblem } from '@tall/client/api';
import type { ExercisesApi } from './exercises-api';
import type { WeeklySet } from './exercise-types';

export interface WeeklyState {
  set: WeeklySet | null;
  loaded: boolean;
  loading: boolean;
  problem: ApiProblem | null;
  load(): Promise<void>;
}

export type WeeklyStore = StoreApi<WeeklyState>;

/** The student's exercises of this week, made from the words they added to their learning cards. */
export function createWeeklyStore(api: ExercisesApi): WeeklyStore {
  let generation = 0;
  return createStore<WeeklyState>()((set) => ({
    set: null,
    loaded: false,
    loading: false,
    problem: null,

    async load() {
      const mine = ++generation;
      set({ loading: true, problem: null });
      try {
        const weekly = await api.getWeekly();
        if (mine === generation) set({ set: weekly, loaded: true, loading: false });
      } catch (error) {
        if (mine === generation) set({ loading: false, problem: error instanceof ApiProblem ? error : ApiProblem.network(error) });
      }
    },
  }));
}
