import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiProblem, call, type CreateUserRequest, type StudentList, type TallApi, type UserListItem, type UserRole, type UserView } from '@tall/client/api';

/** A student linked to a teacher (`GET /api/v1/users/{teacherId}/students`). */
export type LinkedStudent = StudentList['items'][number];

export interface UsersQuery {
  role: UserRole | null;
  page: number;
  pageSize: number;
}

export interface UsersState {
  query: UsersQuery;
  items: UserListItem[];
  total: number;
  loading: boolean;
  saving: boolean;
  problem: ApiProblem | null;
  /** The students linked to each teacher whose list was opened. */
  students: Record<string, LinkedStudent[]>;
  load(query?: Partial<UsersQuery>): Promise<void>;
  create(request: CreateUserRequest): Promise<UserView | null>;
  changeRole(id: string, role: UserRole): Promise<boolean>;
  setDisabled(id: string, disabled: boolean): Promise<boolean>;
  loadStudents(teacherId: string): Promise<void>;
  link(teacherId: string, studentId: string): Promise<boolean>;
  unlink(teacherId: string, studentId: string): Promise<boolean>;
  clearProblem(): void;
}

export type UsersStore = StoreApi<UsersState>;

export function createUsersStore(api: TallApi): UsersStore {
  return createStore<UsersState>()((set, get) => {
    const fail = (error: unknown) => set({ loading: false, saving: false, problem: error instanceof ApiProblem ? error : ApiProblem.network(error) });
    const saving = async <T>(work: () => Promise<T>): Promise<T | null> => {
      set({ saving: true, problem: null });
      try {
        const result = await work();
        set({ saving: false });
        return result;
      } catch (error) {
        fail(error);
        return null;
      }
    };
    const replace = (user: UserView) =>
      set((state) => ({ items: state.items.map((item) => (item.id === user.id ? { ...item, ...user } : item)) }));

    return {
      query: { role: null, page: 1, pageSize: 25 },
      items: [],
      total: 0,
      loading: false,
      saving: false,
      problem: null,
      students: {},

      async load(change = {}) {
        const query = { ...get().query, ...change };
        set({ query, loading: true, problem: null });
        try {
          const list = await call(
            api.GET('/api/v1/users', {
              params: { query: { page: query.page, pageSize: query.pageSize, ...(query.role ? { role: query.role } : {}) } },
            }),
          );
          set({ items: list.items, total: list.total, loading: false });
        } catch (error) {
          fail(error);
        }
      },

      create: (request) =>
        saving(async () => {
          const user = await call(api.POST('/api/v1/users', { body: request }));
          await get().load();
          return user;
        }),

      async changeRole(id, role) {
        return (await saving(async () => replace(await call(api.PATCH('/api/v1/users/{id}/role', { params: { path: { id } }, body: { role } }))))) !== null;
      },

      async setDisabled(id, disabled) {
        const path = disabled ? '/api/v1/users/{id}/disable' : '/api/v1/users/{id}/enable';
        return (await saving(async () => replace(await call(api.POST(path, { params: { path: { id } } }))))) !== null;
      },

      async loadStudents(teacherId) {
        try {
          const list = await call(api.GET('/api/v1/users/{teacherId}/students', { params: { path: { teacherId } } }));
          set((state) => ({ students: { ...state.students, [teacherId]: list.items } }));
        } catch (error) {
          fail(error);
        }
      },

      async link(teacherId, studentId) {
        const done = await saving(async () => {
          await call(api.PUT('/api/v1/users/{teacherId}/students/{studentId}', { params: { path: { teacherId, studentId } } }));
          return true;
        });
        if (done) await get().loadStudents(teacherId);
        return done === true;
      },

      async unlink(teacherId, studentId) {
        const done = await saving(async () => {
          await call(api.DELETE('/api/v1/users/{teacherId}/students/{studentId}', { params: { path: { teacherId, studentId } } }));
          return true;
        });
        if (done) await get().loadStudents(teacherId);
        return done === true;
      },

      clearProblem() {
        set({ problem: null });
      },
    };
  });
}
