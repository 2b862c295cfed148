import type { ProgressFact } from '@tall/progress/domain';

/** Identifies one delivery's effect: applied once per (event id, handler), whatever the redeliveries. */
export interface AppliedEvent {
  eventId: string;
  handler: string;
}

/** The write side of the read model. */
export interface ProgressProjection {
  /** Applies the fact and records the event in the inbox, atomically. False when it was applied before. */
  apply(event: AppliedEvent, fact: ProgressFact): Promise<boolean>;
}

export const PROGRESS_PROJECTION = Symbol('PROGRESS_PROJECTION');
