import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { ClientVersions, UserRole } from '@tall/profile/contracts';
import type { AccountStatus, PasswordCheckRecord, RefreshTokenRecord, RevocationReason, Session, UserAccount } from '@tall/profile/domain';

export interface NewSession {
  id: string;
  userId: string;
  deviceId: string | null;
  deviceName: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/** A refresh token with its session and account, locked for the rest of the transaction. */
export interface LockedRefreshToken {
  token: RefreshTokenRecord;
  session: Session & { expiresAt: Date };
}

export interface StudentLink {
  teacherId: string;
  studentId: string;
  linkedAt: Date;
}

export interface UserRepository {
  findById(id: string, options?: { lock?: 'update' | 'share' }): Promise<UserAccount | null>;
  findByEmailIndex(emailIndex: string): Promise<UserAccount | null>;
  /** False when the email index is taken. */
  insertIfEmailFree(user: UserAccount): Promise<boolean>;
  update(id: string, changes: Partial<Pick<UserAccount, 'role' | 'status' | 'emailIndex' | 'passwordHash'>> & { updatedAt: Date }): Promise<void>;
  remove(id: string): Promise<void>;
  /** A `pending` registration abandoned before `olderThan` that still holds this email index. */
  findAbandonedRegistration(emailIndex: string, olderThan: Date): Promise<UserAccount | null>;
  /** Ids of active TECH_ADMINs, locked so two concurrent demotions cannot leave none. */
  lockActiveTechAdmins(): Promise<string[]>;
  list(filter: { roles: UserRole[]; page: number; pageSize: number }): Promise<{ items: UserAccount[]; total: number }>;
  /**
   * The next page of accounts that exist (active or disabled; not pending, not deleted), by id,
   * after `afterId` (from the start when null): a page stays right while accounts come and go.
   */
  pageAfter(afterId: string | null, limit: number): Promise<Pick<UserAccount, 'id' | 'role'>[]>;
}

/** A session with what its account is now: one read for the access-token check. */
export interface SessionWithAccount {
  userId: string;
  role: UserRole;
  accountStatus: AccountStatus;
  /** Not ended and not expired at the time asked about. */
  live: boolean;
}

export interface SessionRepository {
  create(session: NewSession): Promise<void>;
  findById(id: string): Promise<(Session & { expiresAt: Date }) | null>;
  /** The session joined with its account, in one read; null when either is gone. */
  statusOf(id: string, now: Date): Promise<SessionWithAccount | null>;
  listActive(userId: string, now: Date): Promise<Session[]>;
  listAll(userId: string): Promise<(Session & { expiresAt: Date })[]>;
  /** Ends a session; false when it had already ended. */
  revoke(id: string, reason: RevocationReason, at: Date): Promise<boolean>;
  /** Ends every live session of the user except `exceptId`; returns their ids. */
  revokeAllOf(userId: string, reason: RevocationReason, at: Date, exceptId?: string): Promise<string[]>;
  touch(id: string, at: Date, expiresAt: Date): Promise<void>;
  insertToken(token: RefreshTokenRecord): Promise<void>;
  lockToken(tokenHash: string): Promise<LockedRefreshToken | null>;
  /** Marks the token spent unless it already was; false when another request spent it first. */
  spendToken(tokenHash: string, at: Date): Promise<boolean>;
}

/**
 * Password checks per email index, for the lockout: failures, and checks reserved before argon2
 * runs and not yet known right or wrong.
 */
export interface LoginFailureRepository {
  /** Serialises the reservations and outcomes of one email until the transaction ends, across instances. */
  lock(emailIndex: string): Promise<void>;
  since(emailIndex: string, since: Date): Promise<PasswordCheckRecord[]>;
  /** A running check, counted like a failure until it is known right; its id. */
  reserve(emailIndex: string, at: Date): Promise<string>;
  /** The reserved check was wrong: it stays, as a failure. */
  fail(id: string): Promise<void>;
  /** The reserved check was right (or could not run): it no longer counts. */
  release(id: string): Promise<void>;
  /** Forgets the failures, after a right password; other requests' running checks stay. */
  clear(emailIndex: string): Promise<void>;
}

export interface LinkRepository {
  /** False when the link already existed. */
  link(teacherId: string, studentId: string, at: Date): Promise<boolean>;
  unlink(teacherId: string, studentId: string): Promise<boolean>;
  studentsOf(teacherId: string): Promise<(StudentLink & { studentStatus: AccountStatus })[]>;
  /** Every link the user is part of, as teacher or student. */
  linksOf(userId: string): Promise<StudentLink[]>;
  /** Removes the links the user is part of as teacher (`asTeacher`) or student; returns them. */
  removeLinksOf(userId: string, as: 'teacher' | 'student' | 'either'): Promise<StudentLink[]>;
}

export interface ClientVersionRepository {
  stored(): Promise<Partial<ClientVersions>>;
  store(versions: Partial<ClientVersions>, at: Date): Promise<void>;
}

/** Work profile does once per database (a backfill), recorded when it completed. */
export interface OneTimeTaskRepository {
  isDone(task: string): Promise<boolean>;
  /** Idempotent: a task done twice (two instances at once) keeps its first completion. */
  markDone(task: string, at: Date): Promise<void>;
}

export interface InboxPort {
  /** False when this handler already applied the event. */
  claim(eventId: string, handler: string): Promise<boolean>;
}

/** One transaction over profile's schema; events published in it are written to the outbox in the same commit. */
export interface ProfileTx {
  users: UserRepository;
  sessions: SessionRepository;
  failures: LoginFailureRepository;
  links: LinkRepository;
  clientVersions: ClientVersionRepository;
  oneTimeTasks: OneTimeTaskRepository;
  inbox: InboxPort;
  publish(...events: EventEnvelope[]): void;
}

export interface ProfileStore {
  transaction<T>(work: (tx: ProfileTx) => Promise<T>): Promise<T>;
  /** Reads outside a transaction (no events). */
  read<T>(work: (tx: Omit<ProfileTx, 'publish' | 'inbox'>) => Promise<T>): Promise<T>;
}

export const PROFILE_STORE = Symbol('PROFILE_STORE');
