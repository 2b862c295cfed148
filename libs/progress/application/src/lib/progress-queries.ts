import type { Principal } from '@tall/platform/identity';
import { PROGRESS_MODULE, type StudentCsvQuery, type StudentList, type StudentListQuery, type StudentRecord, type TeacherStudentRecord } from '@tall/progress/contracts';
import { studentRecord, studentSummary, todayAt } from '@tall/progress/domain';
import type { UserDataSection } from '@tall/platform/call-contracts';
import type { DisplayName, DisplayNames, ProgressReadStore, StudentScope } from './progress-ports';
import { ProgressRefusal } from './progress-refusal';
import { studentsCsv } from './students-csv';

export interface QueryLogger {
  warn(fields: Record<string, unknown>, message: string): void;
}

/**
 * What students, teachers and educational admins may read of the progress record. Values that
 * depend on "now" (streak alive, inactive, due today, this week) are computed here, at `clock()`.
 * A teacher reaches only their own linked students: anyone else's id answers 404, as an unknown
 * one does, so the answer never tells whether a student exists (OWASP API1).
 */
export class ProgressQueries {
  constructor(
    private readonly store: ProgressReadStore,
    private readonly names: DisplayNames,
    private readonly clock: () => Date = () => new Date(),
    private readonly logger?: QueryLogger,
  ) {}

  async ownRecord(principal: Principal): Promise<StudentRecord> {
    if (principal.role !== 'STUDENT') throw new ProgressRefusal('FORBIDDEN', 'Only students have a progress record of their own');
    const at = todayAt(this.clock());
    return studentRecord(await this.store.record(principal.userId, at), at);
  }

  async students(principal: Principal, query: StudentListQuery | StudentCsvQuery): Promise<StudentList> {
    const scope = this.scopeOf(principal, query.teacherId);
    const at = todayAt(this.clock());
    const { rows, total } = await this.store.studentPage({ scope, sort: query.sort, order: query.order, page: query.page, pageSize: query.pageSize, at });
    const { names, unavailable } = await this.namesOf(rows.map((row) => row.studentId));
    return {
      items: rows.map((row) => ({ ...studentSummary(row, at), name: names.get(row.studentId) ?? null })),
      page: query.page,
      pageSize: query.pageSize,
      total,
      sort: query.sort,
      order: query.order,
      namesUnavailable: unavailable,
      asOf: at.now.toISOString(),
      today: at.today,
      week: at.week,
    };
  }

  async studentsCsv(principal: Principal, query: StudentCsvQuery): Promise<{ filename: string; body: string; namesUnavailable: boolean }> {
    const list = await this.students(principal, query);
    return { filename: `students-${list.today}.csv`, body: studentsCsv(list.items), namesUnavailable: list.namesUnavailable };
  }

  async studentRecord(principal: Principal, studentId: string): Promise<TeacherStudentRecord> {
    if (principal.role === 'TEACHER') {
      if (!(await this.store.isLinked(principal.userId, studentId))) throw notFound();
    } else if (principal.role === 'EDU_ADMIN') {
      if (!(await this.store.isStudent(studentId))) throw notFound();
    } else {
      throw new ProgressRefusal('FORBIDDEN', 'Only teachers and educational admins follow students');
    }
    const at = todayAt(this.clock());
    const [state, { names, unavailable }] = await Promise.all([this.store.record(studentId, at), this.namesOf([studentId])]);
    return { ...studentRecord(state, at), name: names.get(studentId) ?? null, namesUnavailable: unavailable };
  }

  async exportSection(userId: string): Promise<UserDataSection> {
    const data = await this.store.exportUser(userId);
    return {
      context: PROGRESS_MODULE.name,
      data: data ?? {},
      purposes: [
        'Show you your own learning progress',
        'Let your teachers follow your progress and help you, and let the school’s educational admins oversee it',
      ],
      retention: 'Until your account is erased; rebuilt from the learning events while those are kept',
      recipients: ['You', 'Your linked teachers', 'The school’s educational admins'],
      ...(data ? {} : { statement: 'Progress holds no record about you.' }),
    };
  }

  private scopeOf(principal: Principal, teacherId: string | undefined): StudentScope {
    if (principal.role === 'TEACHER') {
      if (teacherId !== undefined && teacherId !== principal.userId) throw new ProgressRefusal('FORBIDDEN', 'A teacher sees only their own students');
      return { kind: 'teacher', teacherId: principal.userId };
    }
    if (principal.role === 'EDU_ADMIN') return teacherId ? { kind: 'teacher', teacherId } : { kind: 'allStudents' };
    throw new ProgressRefusal('FORBIDDEN', 'Only teachers and educational admins follow students');
  }

  /** Names of the rows shown only; a pii outage leaves them out instead of failing the table. */
  private async namesOf(ids: string[]): Promise<{ names: Map<string, DisplayName>; unavailable: boolean }> {
    if (ids.length === 0) return { names: new Map(), unavailable: false };
    try {
      return { names: await this.names.namesOf(ids), unavailable: false };
    } catch (error) {
      this.logger?.warn({ err: error instanceof Error ? error.message : String(error), count: ids.length }, 'student names unavailable');
      return { names: new Map(), unavailable: true };
    }
  }
}

const notFound = () => new ProgressRefusal('STUDENT_NOT_FOUND', 'Student not found');
