import type { DisplayName, DisplayNames } from '../ports/display-names.port';
import type { ProgressLogger } from '../ports/progress-logger.port';

export interface ShownNames {
  names: Map<string, DisplayName>;
  /** pii could not answer: the rows come without names. */
  unavailable: boolean;
}

/** Names of the rows shown only; a pii outage leaves them out instead of failing the answer. */
export async function shownNames(source: DisplayNames, ids: readonly string[], logger: ProgressLogger): Promise<ShownNames> {
  if (ids.length === 0) return { names: new Map(), unavailable: false };
  try {
    return { names: await source.namesOf(ids), unavailable: false };
  } catch (error) {
    logger.warn({ err: error instanceof Error ? error.message : String(error), count: ids.length }, 'student names unavailable');
    return { names: new Map(), unavailable: true };
  }
}
