import { z } from 'zod';
import { appConfigSchema, type AppConfig } from './app-config.schema';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment once; a missing or invalid variable names itself. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const input = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = appConfigSchema.safeParse(input);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => describeIssue(issue, input)));
  }
  const problems = conflicts(result.data);
  if (problems.length > 0) throw new ConfigError(problems);
  return result.data;
}

/** Rules between variables (kept out of the schema, whose parts tools pick from). */
function conflicts(config: AppConfig): string[] {
  const problems: string[] = [];
  // One port for both would put the calls between processes back on the public listener.
  if (config.INTERNAL_PORT !== undefined && config.INTERNAL_PORT === config.PORT) {
    problems.push('INTERNAL_PORT: must differ from PORT (calls between Tall processes have a listener of their own)');
  }
  return problems;
}

function describeIssue(issue: z.core.$ZodIssue, input: Record<string, unknown>): string {
  const name = issue.path.join('.') || '(environment)';
  if (!(name in input)) return `${name} is required but not set`;
  return `${name}: ${issue.message}`;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
