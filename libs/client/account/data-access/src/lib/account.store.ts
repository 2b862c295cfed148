import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiProblem, call, type PersonalData, type SessionView, type TallApi, type UpdatePersonalData } from '@tall/client/api';

export interface AccountState {
  personal: PersonalData | null;
  sessions: SessionView[];
  loading: boolean;
  saving: boolean;
  problem: ApiProblem | null;
  loadPersonal(): Promise<void>;
  savePersonal(update: UpdatePersonalData): Promise<boolean>;
  loadSessions(): Promise<void>;
  endSession(id: string): Promise<boolean>;
  changePassword(currentPassword: string, newPassword: string): Promise<boolean>;
  /** Everything Tall holds about the user, as the JSON file the API hands out. */
  exportData(): Promise<Blob | null>;
  /** Erases the account (the API asks for the password again). True when it is gone. */
  deleteAccount(password: string): Promise<boolean>;
  clearProblem(): void;
}

export type AccountStore = StoreApi<AccountState>;

export function createAccountStore(api: TallApi): AccountStore {
  return createStore<AccountState>()((set) => {
    const fail = (error: unknown) => set({ loading: false, saving: false, problem: error instanceof ApiProblem ? error : ApiProblem.network(error) });
    const saving = async (work: () => Promise<void>): Promise<boolean> => {
      set({ saving: true, problem: null });
      try {
        await work();
        set({ saving: false });
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    };
    return {
      personal: null,
      sessions: [],
      loading: false,
      saving: false,
      problem: null,

      async loadPersonal() {
        set({ loading: true, problem: null });
        try {
          set({ personal: await call(api.GET('/api/v1/pii/me')), loading: false });
        } catch (error) {
          fail(error);
        }
      },

      savePersonal: (update) =>
        saving(async () => {
          set({ personal: await call(api.PUT('/api/v1/pii/me', { body: update })) });
        }),

      async loadSessions() {
        set({ loading: true, problem: null });
        try {
          const { items } = await call(api.GET('/api/v1/auth/sessions'));
          set({ sessions: [...items].sort((a, b) => Number(b.current) - Number(a.current) || b.lastUsedAt.localeCompare(a.lastUsedAt)), loading: false });
        } catch (error) {
          fail(error);
        }
      },

      endSession: (id) =>
        saving(async () => {
          await call(api.DELETE('/api/v1/auth/sessions/{id}', { params: { path: { id } } }));
          set((state) => ({ sessions: state.sessions.filter((session) => session.id !== id) }));
        }),

      changePassword: (currentPassword, newPassword) =>
        saving(async () => {
          await call(api.POST('/api/v1/auth/password', { body: { currentPassword, newPassword } }));
        }),

      async exportData() {
        set({ saving: true, problem: null });
        try {
          const blob = await call(api.GET('/api/v1/pii/me/export', { parseAs: 'blob' }));
          set({ saving: false });
          return blob;
        } catch (error) {
          fail(error);
          return null;
        }
      },

      deleteAccount: (password) =>
        saving(async () => {
          await call(api.DELETE('/api/v1/pii/me', { body: { password } }));
        }),

      clearProblem() {
        set({ problem: null });
      },
    };
  });
}
