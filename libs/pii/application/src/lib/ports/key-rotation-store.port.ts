import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { StoredDataKey } from './personal-data-repository.port';

export interface MasterKeyVersionInfo {
  versionId: string;
  createdAt: Date;
  retiredAt: Date | null;
}

/** Who rotated the master key, and why: recorded with every rotation. */
export interface RotationAudit {
  /** The rotating user's id, or `system:scheduler`. */
  rotatedBy: string;
  rotatedByRole: string;
  trigger: 'scheduled' | 'manual';
  reason: string;
  /** A manual rotation that overrode the one-hour wait. */
  forced: boolean;
}

export interface KeyRotationRecord extends RotationAudit {
  rotatedAt: Date;
  /** The version the rotation made current. */
  masterKeyVersion: string;
}

export interface KeyRotationStore {
  /** Runs `work` while holding the rotation lock (all instances); `ran: false` when another holds it. */
  withRotationLock<T>(work: () => Promise<T>): Promise<{ ran: true; result: T } | { ran: false }>;
  /**
   * Re-wraps up to `limit` data keys not under `targetVersion`, in user id order after `after`,
   * each row locked while it is re-wrapped; rows `rewrap` throws for are left as they are.
   */
  rewrapBatch(
    targetVersion: string,
    after: string | null,
    limit: number,
    rewrap: (row: StoredDataKey) => Promise<Buffer>,
  ): Promise<{ rewrapped: number; failed: number; last: string | null }>;
  countNotUnder(versionId: string): Promise<number>;
  versions(): Promise<MasterKeyVersionInfo[]>;
  /** Marks versions no data key refers to as retired; returns those it marked. */
  retireUnreferenced(exceptVersion: string): Promise<string[]>;
  /** The newest recorded rotation, by any instance. */
  lastRotation(): Promise<KeyRotationRecord | undefined>;
  /** Records a rotation, with its audit events in the same transaction. */
  recordRotation(rotation: KeyRotationRecord, events: EventEnvelope[]): Promise<void>;
}

export const KEY_ROTATION_STORE = Symbol('KEY_ROTATION_STORE');
