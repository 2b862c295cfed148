import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface RequestContextValues {
  correlationId: string;
  actorId?: string;
  actorRole?: string;
  actorSessionId?: string;
}

const storage = new AsyncLocalStorage<RequestContextValues>();

/** The correlation id (and actor) of the work in progress, carried across awaits. */
export const RequestContext = {
  run<T>(values: RequestContextValues, fn: () => T): T {
    return storage.run(values, fn);
  },
  current(): RequestContextValues | undefined {
    return storage.getStore();
  },
  correlationId(): string {
    return storage.getStore()?.correlationId ?? randomUUID();
  },
  /** Fills in values known only later in the request (the actor, after authentication). */
  assign(values: Partial<RequestContextValues>): void {
    const store = storage.getStore();
    if (store) Object.assign(store, values);
  },
};
