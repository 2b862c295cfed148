import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

export const STACK_VARIABLES = [
  'DATABASE_URL',
  'MONGODB_URI',
  'KAFKA_BROKERS',
  'AWS_REGION',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_ENDPOINT_URL_S3',
  'AWS_ENDPOINT_URL_SECRETS_MANAGER',
] as const;

export type StackEnv = Record<(typeof STACK_VARIABLES)[number], string>;

export const workspaceRoot = join(__dirname, '../../../../..');

let cached: StackEnv | undefined;

/**
 * The variables of the running local stack: taken from the environment when the test runner
 * exported them, otherwise asked of the stack script. Integration tests never start servers.
 */
export function stackEnv(): StackEnv {
  if (cached) return cached;
  const missing = STACK_VARIABLES.filter((name) => !process.env[name]);
  const values: Record<string, string> = missing.length > 0 ? stackScript().envSync() : {};
  cached = Object.fromEntries(
    STACK_VARIABLES.map((name) => [name, process.env[name] ?? values[name]]),
  ) as StackEnv;
  return cached;
}

export const STRICT_S3_VARIABLES = ['S3_STRICT_ENDPOINT', 'S3_STRICT_ACCESS_KEY_ID', 'S3_STRICT_SECRET_ACCESS_KEY'] as const;

export type StrictS3Env = Record<(typeof STRICT_S3_VARIABLES)[number], string>;

/**
 * The stack's second, strict S3 server (versitygw: it checks SigV4 signatures and the expiry of
 * pre-signed URLs, which moto does not), for tests that prove how URLs are signed. Apps and other
 * tests use moto (`AWS_ENDPOINT_URL_S3`).
 */
export function strictS3Env(): StrictS3Env {
  const missing = STRICT_S3_VARIABLES.filter((name) => !process.env[name]);
  const values: Record<string, string> = missing.length > 0 ? stackScript().envSync() : {};
  return Object.fromEntries(STRICT_S3_VARIABLES.map((name) => [name, process.env[name] ?? values[name]])) as StrictS3Env;
}

/** A name no other test run uses: for schemas, databases, topics and consumer groups. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

type StackScript = {
  stop(service: string): Promise<void>;
  start(service: string): Promise<void>;
  envSync(): Record<string, string>;
};

function stackScript(): StackScript {
  // The CommonJS face of the stack script: Jest's CommonJS runtime cannot import() the .mjs.
  return require(join(workspaceRoot, 'tools/stack/stack.cjs')) as StackScript;
}

/** Stops or starts one server of the local stack (outage tests). */
export async function stackControl(): Promise<Pick<StackScript, 'stop' | 'start'>> {
  return stackScript();
}
