/** What progress reports without failing: a pii outage, an event that breaks its contract. */
export interface ProgressLogger {
  warn(fields: Record<string, unknown>, message: string): void;
}

export const PROGRESS_LOGGER = Symbol('PROGRESS_LOGGER');
