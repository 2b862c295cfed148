import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { WeekRotation } from '@tall/vocabulary/domain';

export type RotationStatus = 'pending' | 'running' | 'completed' | 'skipped';

/** One ISO week's rotation: requested by the weekly job's event, run once, completed once. */
export interface RotationRecord {
  week: string;
  status: RotationStatus;
  trigger: string;
  requestedAt: Date;
  /** Of the weekly job's event, carried into the rotation's events. */
  correlationId: string;
  causationId: string | null;
  startedAt: Date | null;
  completedAt: Date | null;
  students: number;
  cards: number;
}

/** A student as the rotation reads them: the cohort sizes only (never the cards). */
export interface RotationStudent {
  userId: string;
  cohorts: Record<string, number>;
}

export interface StudentRotation {
  userId: string;
  rotation: WeekRotation;
  event: EventEnvelope;
}

export interface RotationStore {
  /** Records the request for a week unless it exists; true when recorded now. */
  requestWeek(week: string, request: { trigger: string; at: Date; correlationId: string; causationId: string | null }): Promise<boolean>;
  week(week: string): Promise<RotationRecord | null>;
  /** The newest completed week, or null. */
  latestCompletedWeek(): Promise<string | null>;
  /** Weeks requested and not completed yet, oldest first. */
  unfinishedWeeks(): Promise<string[]>;
  markSkipped(week: string, at: Date): Promise<void>;
  /** Takes (or renews) the week's lease; false when another holder has it or the week is finished. */
  claimWeek(week: string, holder: string, at: Date, leaseMs: number): Promise<boolean>;
  /** Every student with words (erased ones left out), a page at a time, read with one cursor. */
  students(pageSize: number): AsyncIterable<RotationStudent[]>;
  /**
   * Records each student's active set for `week` with its event, once per (week, student): a
   * student already rotated into the week is left as it is, and publishes nothing again.
   * @returns how many were recorded now
   */
  applyRotations(week: string, rotations: readonly StudentRotation[], at: Date): Promise<number>;
  /** Completes the week with its event, once; false when it was already completed. */
  completeWeek(week: string, holder: string, totals: { students: number; cards: number }, at: Date, event: EventEnvelope): Promise<boolean>;
}

export const ROTATION_STORE = Symbol('ROTATION_STORE');
