// The local stack as the chaos and load scripts see it: tools/stack/stack.mjs through its
// CommonJS face (stack.cjs, which runs the script's CLI), so the servers a drill stops are the ones
// whose addresses it hands out: whatever TALL_STACK_DIR and TALL_*_PORT name.
import { join } from 'node:path';

export const workspaceRoot = join(__dirname, '../../..');

export interface StackEnv {
  DATABASE_URL: string;
  MONGODB_URI: string;
  KAFKA_BROKERS: string;
  [name: string]: string;
}

export interface StackScript {
  up(services?: string[]): Promise<StackEnv>;
  stop(service: string): Promise<void>;
  start(service: string): Promise<void>;
  envSync(): StackEnv;
  /** One entry per service; `pid` when the script started it and it runs (PostgreSQL: the postmaster). */
  status(): Promise<Array<{ service: string; pid: number | null }>>;
}

export function stackScript(): StackScript {
  return require(join(workspaceRoot, 'tools/stack/stack.cjs')) as StackScript;
}

/** Polls until `probe` returns a value that is not undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  { timeoutMs = 30_000, intervalMs = 100, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value as T;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}
