import type { SortOrder, StudentSortKey } from '@tall/progress/contracts';
import type { StudentRecordState, StudentRowState, Today } from '@tall/progress/domain';

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

export const PROGRESS_READ_STORE = Symbol('PROGRESS_READ_STORE');
