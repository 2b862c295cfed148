import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiProblem, type ReviewBatchItem } from '@tall/client/api';
import type { ReviewOutbox } from './review-outbox';

export interface OfflineState {
  /** Reviews answered offline and not yet taken by the API. */
  pending: number;
  syncing: boolean;
  lastSyncedAt: string | null;
  /** Reviews the API refused for good at the last sync. */
  lastRejected: number;
  /** Keeps a review for later; the count updates at once. */
  enqueue(item: ReviewBatchItem): Promise<void>;
  refresh(): Promise<void>;
  /** Sends what is queued (when back online, at start). Quietly keeps it when still offline. */
  sync(): Promise<void>;
  clear(): Promise<void>;
}

export type OfflineStore = StoreApi<OfflineState>;

export function createOfflineStore(outbox: ReviewOutbox, userId: () => string | null): OfflineStore {
  return createStore<OfflineState>()((set, get) => ({
    pending: 0,
    syncing: false,
    lastSyncedAt: null,
    lastRejected: 0,

    async enqueue(item) {
      const user = userId();
      if (!user) throw new Error('no signed-in user to keep the review for');
      await outbox.add(user, item);
      set({ pending: await outbox.count(user) });
    },

    async refresh() {
      const user = userId();
      set({ pending: user ? await outbox.count(user) : 0 });
    },

    async sync() {
      const user = userId();
      if (!user || get().syncing) return;
      if ((await outbox.count(user)) === 0) {
        set({ pending: 0 });
        return;
      }
      set({ syncing: true });
      try {
        const result = await outbox.flush(user);
        set({ lastSyncedAt: new Date().toISOString(), lastRejected: result.rejected });
      } catch (error) {
        // Offline still, or the API is down: the queue waits for the next chance.
        if (!(error instanceof ApiProblem) || (error.status !== 0 && error.status < 500)) throw error;
      } finally {
        set({ syncing: false, pending: await outbox.count(user) });
      }
    },

    async clear() {
      const user = userId();
      if (user) await outbox.clear(user);
      set({ pending: 0 });
    },
  }));
}
