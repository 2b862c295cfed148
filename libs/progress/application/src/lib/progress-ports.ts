import type { SortOrder, StudentSortKey } from '@tall/progress/contracts';
import type { ProgressFact, StudentRecordState, StudentRowState, Today } from '@tall/progress/domain';

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

/** Whose students a table lists. */
export type StudentScope = { kind: 'teacher'; teacherId: string } | { kind: 'allStudents' };

export interface StudentPageRequest {
  scope: StudentScope;
  sort: StudentSortKey;
  order: SortOrder;
  page: number;
  pageSize: number;
  at: Today;
}

/** The read side of the read model. */
export interface ProgressReadStore {
  /** A page of students, sorted in the store (ties broken by id) and the total of the scope. */
  studentPage(request: StudentPageRequest): Promise<{ rows: StudentRowState[]; total: number }>;
  record(studentId: string, at: Today): Promise<StudentRecordState>;
  isLinked(teacherId: string, studentId: string): Promise<boolean>;
  /** Known to progress as an account with the STUDENT role. */
  isStudent(studentId: string): Promise<boolean>;
  /** Everything held about a user, for the GDPR export; null when nothing. */
  exportUser(userId: string): Promise<Record<string, unknown> | null>;
}

export interface DisplayName {
  firstName: string;
  lastName: string;
}

/** Names come from the pii context. Throws when it cannot answer; leaves out ids it may not tell. */
export interface DisplayNames {
  namesOf(studentIds: readonly string[]): Promise<Map<string, DisplayName>>;
}

export const PROGRESS_PROJECTION = Symbol('PROGRESS_PROJECTION');
export const PROGRESS_READ_STORE = Symbol('PROGRESS_READ_STORE');
export const DISPLAY_NAMES = Symbol('DISPLAY_NAMES');
