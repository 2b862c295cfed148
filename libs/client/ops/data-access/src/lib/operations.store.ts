import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiProblem, call, type ClientVersions, type JobRun, type KeyRotationResult, type SystemInfo, type TallApi } from '@tall/client/api';

/** `/health/ready`: every store and the broker, as the API checks them. */
export interface Readiness {
  status: 'ok' | 'unavailable';
  checks: Record<string, { status: 'up' | 'down'; error?: string; latencyMs: number }>;
  down: string[];
}

export const WEEKLY_COHORTS_JOB = 'weekly-cohorts';

export interface OperationsState {
  readiness: Readiness | null;
  checkedAt: string | null;
  info: SystemInfo | null;
  weeklyRuns: JobRun[];
  lastRotation: KeyRotationResult | null;
  clientVersions: ClientVersions | null;
  /** Events parked by the event consumers, over all of them (the parked-events screen lists them). */
  parkedEvents: number | null;
  loading: boolean;
  running: 'weekly' | 'rotation' | 'versions' | null;
  problem: ApiProblem | null;
  refresh(): Promise<void>;
  runWeekly(force: boolean): Promise<JobRun | null>;
  /** `reason` is recorded on the audit log; `force` rotates even within an hour of the last rotation. */
  rotateKeys(reason: string, force: boolean): Promise<KeyRotationResult | null>;
  setMinimumVersions(versions: Partial<ClientVersions>): Promise<boolean>;
  clearProblem(): void;
}

export type OperationsStore = StoreApi<OperationsState>;

/** `readiness` fetches `/health/ready` (outside the OpenAPI document; 503 still carries the report). */
export function createOperationsStore(api: TallApi, readiness: () => Promise<Readiness>): OperationsStore {
  return createStore<OperationsState>()((set) => {
    const problemOf = (error: unknown) => (error instanceof ApiProblem ? error : ApiProblem.network(error));
    const running = async <T>(what: OperationsState['running'], work: () => Promise<T>): Promise<T | null> => {
      set({ running: what, problem: null });
      try {
        const result = await work();
        set({ running: null });
        return result;
      } catch (error) {
        set({ running: null, problem: problemOf(error) });
        return null;
      }
    };
    const parkedTotal = async () => (await call(api.GET('/api/v1/system/parked-events', { params: { query: { limit: 1 } } }))).total;
    const history = async () =>
      (await call(api.GET('/api/v1/system/cron/{job}/runs', { params: { path: { job: WEEKLY_COHORTS_JOB }, query: { limit: 10 } } }))).items;

    return {
      readiness: null,
      checkedAt: null,
      info: null,
      weeklyRuns: [],
      lastRotation: null,
      clientVersions: null,
      parkedEvents: null,
      loading: false,
      running: null,
      problem: null,

      async refresh() {
        set({ loading: true, problem: null });
        const [health, info, runs, versions, parked] = await Promise.allSettled([
          readiness(),
          call(api.GET('/api/v1/system/info')),
          history(),
          call(api.GET('/api/v1/client-versions')),
          parkedTotal(),
        ]);
        const failed = [health, info, runs, versions, parked].find((result) => result.status === 'rejected');
        set((state) => ({
          loading: false,
          readiness: health.status === 'fulfilled' ? health.value : null,
          checkedAt: new Date().toISOString(),
          info: info.status === 'fulfilled' ? info.value : state.info,
          weeklyRuns: runs.status === 'fulfilled' ? runs.value : state.weeklyRuns,
          clientVersions: versions.status === 'fulfilled' ? versions.value : state.clientVersions,
          parkedEvents: parked.status === 'fulfilled' ? parked.value : state.parkedEvents,
          problem: failed ? problemOf((failed as PromiseRejectedResult).reason) : null,
        }));
      },

      runWeekly: (force) =>
        running('weekly', async () => {
          const run = await call(api.POST('/api/v1/system/cron/weekly-cohorts/run', { params: { query: force ? { force: 'true' } : {} } }));
          set({ weeklyRuns: await history() });
          return run;
        }),

      rotateKeys: (reason, force) =>
        running('rotation', async () => {
          const result = await call(api.POST('/api/v1/pii/keys/rotate', { body: { reason, force } }));
          set({ lastRotation: result });
          return result;
        }),

      async setMinimumVersions(versions) {
        const result = await running('versions', async () => {
          const updated = await call(api.PUT('/api/v1/client-versions', { body: versions }));
          set({ clientVersions: updated });
          return true;
        });
        return result === true;
      },

      clearProblem() {
        set({ problem: null });
      },
    };
  });
}
