import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiProblem, call, type components, type TallApi } from '@tall/client/api';

type Schemas = components['schemas'];
export type ParkedEventList = Schemas['ParkedEventListDto'];
export type ParkedEvent = ParkedEventList['items'][number];
export type ParkedConsumerCount = ParkedEventList['consumers'][number];
export type ParkedEventReplay = Schemas['ParkedEventReplayDto'];
export type ParkedEventDiscard = Schemas['ParkedEventDiscardDto'];

export interface ParkedEventsQuery {
  consumer: string | null;
  topic: string | null;
  limit: number;
  offset: number;
}

/** What a replay or discard came to: the API's answer, or why it refused. */
export type ParkedOutcome<T> = { ok: true; value: T } | { ok: false; problem: ApiProblem };

export interface ParkedEventsState {
  query: ParkedEventsQuery;
  items: ParkedEvent[];
  total: number;
  /** Parked events per consumer, over every consumer (not narrowed by the filters). */
  consumers: ParkedConsumerCount[];
  /** False until the first list arrives: an empty list before that means "not known yet". */
  loaded: boolean;
  loading: boolean;
  /** The event a replay or discard is running for. */
  acting: string | null;
  /** Why the list could not be read. Refused actions are returned to the caller instead. */
  problem: ApiProblem | null;
  load(change?: Partial<ParkedEventsQuery>): Promise<void>;
  replay(id: string): Promise<ParkedOutcome<ParkedEventReplay>>;
  discard(id: string): Promise<ParkedOutcome<ParkedEventDiscard>>;
  clearProblem(): void;
}

export type ParkedEventsStore = StoreApi<ParkedEventsState>;

export const PARKED_PAGE_SIZE = 25;

/** Parked (poison) events of the event consumers: list, run again, or drop for good. */
export function createParkedEventsStore(api: TallApi): ParkedEventsStore {
  return createStore<ParkedEventsState>()((set, get) => {
    const problemOf = (error: unknown) => (error instanceof ApiProblem ? error : ApiProblem.network(error));
    // Only the newest load may write: a slow answer for an old filter must not replace a newer one.
    let generation = 0;

    const fetchPage = async (query: ParkedEventsQuery) =>
      call(
        api.GET('/api/v1/system/parked-events', {
          params: {
            query: {
              limit: query.limit,
              offset: query.offset,
              ...(query.consumer ? { consumer: query.consumer } : {}),
              ...(query.topic ? { topic: query.topic } : {}),
            },
          },
        }),
      );

    const load = async (change: Partial<ParkedEventsQuery> = {}) => {
      const current = get().query;
      const query = { ...current, ...change };
      query.consumer = query.consumer?.trim() || null;
      query.topic = query.topic?.trim() || null;
      // Another filter is another list: start at its first page.
      const refiltered = query.consumer !== current.consumer || query.topic !== current.topic;
      if (refiltered && change.offset === undefined) query.offset = 0;
      const mine = ++generation;
      set({ query, loading: true, problem: null });
      try {
        let list = await fetchPage(query);
        // The last page emptied (its events replayed or dropped): show the page that now is last.
        if (list.items.length === 0 && query.offset > 0 && list.total > 0) {
          query.offset = Math.floor((list.total - 1) / query.limit) * query.limit;
          list = await fetchPage(query);
        }
        if (mine !== generation) return;
        set({ query, items: list.items, total: list.total, consumers: list.consumers, loaded: true, loading: false });
      } catch (error) {
        if (mine === generation) set({ loading: false, problem: problemOf(error) });
      }
    };

    const act = async <T>(id: string, work: () => Promise<T>): Promise<ParkedOutcome<T>> => {
      set({ acting: id });
      let outcome: ParkedOutcome<T>;
      try {
        outcome = { ok: true, value: await work() };
      } catch (error) {
        outcome = { ok: false, problem: problemOf(error) };
      }
      // Refreshed either way: a refusal (404: someone else handled it) also means the list is stale.
      await load();
      set({ acting: null });
      return outcome;
    };

    return {
      query: { consumer: null, topic: null, limit: PARKED_PAGE_SIZE, offset: 0 },
      items: [],
      total: 0,
      consumers: [],
      loaded: false,
      loading: false,
      acting: null,
      problem: null,

      load,

      replay: (id) => act(id, () => call(api.POST('/api/v1/system/parked-events/{id}/replay', { params: { path: { id } } }))),

      discard: (id) => act(id, () => call(api.DELETE('/api/v1/system/parked-events/{id}', { params: { path: { id } } }))),

      clearProblem() {
        set({ problem: null });
      },
    };
  });
}
