import type { EventEnvelope } from '@tall/platform/event-contracts';

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

export interface TeacherLink {
  teacherId: string;
  studentId: string;
}

/** An integration event applied at most once per handler (the inbox). */
export interface InboxDelivery {
  eventId: string;
  handler: string;
}

/**
 * The pii schema. Every write that changes state appends its events in the same transaction.
 * Throws PiiError `EMAIL_TAKEN` when a write would give two users one email blind index.
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
  /** Adds or removes a link, with the inbox claim in the same transaction; false when delivered before. */
  applyTeacherLink(delivery: InboxDelivery, link: TeacherLink, linked: boolean): Promise<boolean>;
  /** The accounts' roles as learned from profile's events; an id whose role is not known is absent. */
  rolesOf(userIds: readonly string[]): Promise<Map<string, string>>;
  /**
   * Records an account's role, with the inbox claim in the same transaction; false when delivered
   * before. Nothing is recorded for an erased user (shredding removes the role with the data).
   */
  applyUserRole(delivery: InboxDelivery, userId: string, role: string): Promise<boolean>;
  /**
   * Records the roles of accounts whose role is not known yet (profile's backfill); a known role
   * is kept as it is, and nothing is recorded for an erased user. Returns how many were recorded.
   */
  recordMissingRoles(roles: readonly UserRoleRecord[]): Promise<number>;
}

export interface UserRoleRecord {
  userId: string;
  role: string;
}

export const PERSONAL_DATA_REPOSITORY = Symbol('PERSONAL_DATA_REPOSITORY');
