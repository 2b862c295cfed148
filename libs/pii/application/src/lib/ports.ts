import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { FieldName, IntegrityFailureKind, MasterKey } from '@tall/pii/domain';

export type FieldCiphertexts = Record<'firstName' | 'lastName' | 'email', Buffer> & Record<'birthDate' | 'locale', Buffer | null>;

export interface StoredDataKey {
  userId: string;
  keyId: string;
  wrappedKey: Buffer;
  masterVersion: string;
}

export interface StoredRecord extends StoredDataKey {
  ciphertexts: FieldCiphertexts;
  emailBlindIndex: string;
  createdAt: Date;
  updatedAt: Date;
}

export type NewRecord = Omit<StoredRecord, 'createdAt' | 'updatedAt'>;

export interface RecordChanges {
  ciphertexts: Partial<FieldCiphertexts>;
  emailBlindIndex?: string;
}

export type ErasureReason = 'self-erasure' | 'account-deleted';

export interface Erasure {
  userId: string;
  erasedAt: Date;
  reason: ErasureReason;
}

/**
 * The pii schema. Every write that changes state appends its events in the same transaction.
 * Throws `EmailTakenError` when a write would give two users one email blind index.
 */
export interface PersonalDataRepository {
  find(userId: string): Promise<StoredRecord | undefined>;
  findMany(userIds: readonly string[]): Promise<StoredRecord[]>;
  erasure(userId: string): Promise<Erasure | undefined>;
  /** False when the user already has a record (the caller then updates it). */
  insert(record: NewRecord, events: EventEnvelope[]): Promise<boolean>;
  update(userId: string, changes: RecordChanges, events: EventEnvelope[]): Promise<void>;
  /** Destroys the data key and every ciphertext, keeps the tombstone. False when already erased. */
  shred(erasure: Erasure, events: EventEnvelope[]): Promise<boolean>;
  /** Access-log entries (reads change no state, but each is recorded through the outbox). */
  appendEvents(events: EventEnvelope[]): Promise<void>;
  /** Which of `studentIds` are linked to the teacher (learned from profile's events). */
  linkedStudents(teacherId: string, studentIds: readonly string[]): Promise<Set<string>>;
}

/** Versions of the master key, from Secrets Manager, held in memory. */
export interface MasterKeys {
  current(): Promise<MasterKey>;
  version(versionId: string): Promise<MasterKey>;
}

export interface MasterKeyVersionInfo {
  versionId: string;
  createdAt: Date;
  retiredAt: Date | null;
}

export interface RotatableMasterKeys extends MasterKeys {
  /** Stores a new master key version in Secrets Manager and makes it current. */
  createVersion(): Promise<MasterKey>;
  /** Forgets retired versions held in memory. */
  forget(versionIds: readonly string[]): void;
}

export interface KeyRotationStore {
  /** Runs `work` while holding the rotation lock (all instances); undefined when another holds it. */
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
}

/** The login index of an email (HMAC under the blind-index key). */
export interface EmailIndexer {
  indexOf(email: string): Promise<string>;
}

/** Told of every integrity failure: logs it (without values) and counts it. */
export interface IntegrityMonitor {
  failed(failure: { subjectId: string; what: FieldName | 'dataKey'; kind: IntegrityFailureKind }): void;
}

/** The identity context, for re-authentication and the erasure of the account itself. */
export interface IdentityGateway {
  /** `retryAfterSeconds` when the account is locked after too many failures. */
  verifyPassword(userId: string, password: string): Promise<{ valid: boolean; retryAfterSeconds?: number }>;
  deleteAccount(userId: string): Promise<void>;
}
