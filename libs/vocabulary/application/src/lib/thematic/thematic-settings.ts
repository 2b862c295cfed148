import type { LeitnerPolicy } from '@tall/vocabulary/domain';

export interface ThematicSettings {
  policy: LeitnerPolicy;
  /** Cards in a session when the client does not ask for a size. */
  sessionSize: number;
  /** Days of streaks and "due today" are this zone's days. */
  timeZone: string;
}

export const THEMATIC_SETTINGS = Symbol('THEMATIC_SETTINGS');

/** The current time; tests move it to walk cards through the boxes. */
export type ThematicClock = () => Date;
export const VOCABULARY_CLOCK = Symbol('VOCABULARY_CLOCK');
