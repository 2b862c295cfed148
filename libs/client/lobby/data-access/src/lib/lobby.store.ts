import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiProblem, call, type LobbyView, type ProductKey, type TallApi } from '@tall/client/api';

export interface LobbyState {
  view: LobbyView | null;
  loading: boolean;
  problem: ApiProblem | null;
  load(): Promise<void>;
  /** Remembers where the user is, for "Continue where you left off". Failures are harmless and ignored. */
  remember(product: ProductKey, location: string): Promise<void>;
  reset(): void;
}

export type LobbyStore = StoreApi<LobbyState>;

export function createLobbyStore(api: TallApi): LobbyStore {
  let lastRemembered = '';
  return createStore<LobbyState>()((set) => ({
    view: null,
    loading: false,
    problem: null,

    async load() {
      set({ loading: true, problem: null });
      try {
        set({ view: await call(api.GET('/api/v1/lobby')), loading: false });
      } catch (error) {
        set({ loading: false, problem: error instanceof ApiProblem ? error : ApiProblem.network(error) });
      }
    },

    async remember(product, location) {
      const key = `${product} ${location}`;
      if (key === lastRemembered) return;
      lastRemembered = key;
      await call(api.PUT('/api/v1/lobby/context', { body: { product, location } })).catch(() => (lastRemembered = ''));
    },

    reset() {
      lastRemembered = '';
      set({ view: null, loading: false, problem: null });
    },
  }));
}
