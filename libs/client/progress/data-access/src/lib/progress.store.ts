import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiProblem, call, type StudentRecord, type StudentSummaryList, type TallApi, type TeacherStudentRecord } from '@tall/client/api';

export interface MyProgressState {
  record: StudentRecord | null;
  loading: boolean;
  problem: ApiProblem | null;
  load(): Promise<void>;
}

export type MyProgressStore = StoreApi<MyProgressState>;

/** The signed-in student's own progress record (`GET /api/v1/progress/me`). */
export function createMyProgressStore(api: TallApi): MyProgressStore {
  return createStore<MyProgressState>()((set) => ({
    record: null,
    loading: false,
    problem: null,
    async load() {
      set({ loading: true, problem: null });
      try {
        set({ record: await call(api.GET('/api/v1/progress/me')), loading: false });
      } catch (error) {
        set({ loading: false, problem: error instanceof ApiProblem ? error : ApiProblem.network(error) });
      }
    },
  }));
}

export type StudentSortKey = StudentSummaryList['sort'];
export type SortOrder = StudentSummaryList['order'];

export interface StudentsQuery {
  sort: StudentSortKey;
  order: SortOrder;
  page: number;
  pageSize: number;
}

export interface StudentsState {
  query: StudentsQuery;
  list: StudentSummaryList | null;
  student: TeacherStudentRecord | null;
  loading: boolean;
  downloading: boolean;
  problem: ApiProblem | null;
  load(change?: Partial<StudentsQuery>): Promise<void>;
  loadStudent(id: string): Promise<void>;
  /** The table as CSV, every page (`GET /api/v1/teacher/students.csv`). */
  downloadCsv(): Promise<Blob | null>;
}

export type StudentsStore = StoreApi<StudentsState>;

/** A teacher's students (an EDU_ADMIN's: every student), sorted and paged by the API. */
export function createStudentsStore(api: TallApi): StudentsStore {
  return createStore<StudentsState>()((set, get) => {
    const fail = (error: unknown) => set({ loading: false, downloading: false, problem: error instanceof ApiProblem ? error : ApiProblem.network(error) });
    return {
      query: { sort: 'lastActive', order: 'desc', page: 1, pageSize: 25 },
      list: null,
      student: null,
      loading: false,
      downloading: false,
      problem: null,

      async load(change = {}) {
        const query = { ...get().query, ...change };
        set({ query, loading: true, problem: null });
        try {
          set({ list: await call(api.GET('/api/v1/teacher/students', { params: { query } })), loading: false });
        } catch (error) {
          fail(error);
        }
      },

      async loadStudent(id) {
        set({ loading: true, problem: null, student: null });
        try {
          set({ student: await call(api.GET('/api/v1/teacher/students/{id}/progress', { params: { path: { id } } })), loading: false });
        } catch (error) {
          fail(error);
        }
      },

      async downloadCsv() {
        set({ downloading: true, problem: null });
        try {
          const { sort, order } = get().query;
          const blob = await call(api.GET('/api/v1/teacher/students.csv', { params: { query: { sort, order } }, parseAs: 'blob' }));
          set({ downloading: false });
          return blob as Blob;
        } catch (error) {
          fail(error);
          return null;
        }
      },
    };
  });
}
