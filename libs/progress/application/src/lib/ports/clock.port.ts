/** "Now", for the values that depend on it (streak alive, inactive, due today, this week). */
export interface Clock {
  now(): Date;
}

export const PROGRESS_CLOCK = Symbol('PROGRESS_CLOCK');
