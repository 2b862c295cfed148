import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Principal } from '@tall/platform/identity';
import type { StudentList } from '@tall/progress/contracts';
import { studentSummary, todayAt } from '@tall/progress/domain';
import { PROGRESS_CLOCK, type Clock } from '../../ports/clock.port';
import { DISPLAY_NAMES, type DisplayNames } from '../../ports/display-names.port';
import { PROGRESS_LOGGER, type ProgressLogger } from '../../ports/progress-logger.port';
import { PROGRESS_READ_STORE, type ProgressReadStore, type StudentScope } from '../../ports/progress-read-store.port';
import { ProgressError } from '../../progress-error';
import { shownNames } from '../shown-names';
import { notAFollower } from '../student-access';
import { ListStudentsQuery } from './list-students.query';

/** Sorted and paged in the store; names come from pii for the page shown only. Today's values are computed at the clock's now. */
@QueryHandler(ListStudentsQuery)
export class ListStudentsHandler implements IQueryHandler<ListStudentsQuery> {
  constructor(
    @Inject(PROGRESS_READ_STORE) private readonly store: ProgressReadStore,
    @Inject(DISPLAY_NAMES) private readonly names: DisplayNames,
    @Inject(PROGRESS_CLOCK) private readonly clock: Clock,
    @Inject(PROGRESS_LOGGER) private readonly logger: ProgressLogger,
  ) {}

  async execute({ principal, query }: ListStudentsQuery): Promise<StudentList> {
    const scope = scopeOf(principal, query.teacherId);
    const at = todayAt(this.clock.now());
    const { rows, total } = await this.store.studentPage({ scope, sort: query.sort, order: query.order, page: query.page, pageSize: query.pageSize, at });
    const { names, unavailable } = await shownNames(this.names, rows.map((row) => row.studentId), this.logger);
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
}

function scopeOf(principal: Principal, teacherId: string | undefined): StudentScope {
  if (principal.role === 'TEACHER') {
    if (teacherId !== undefined && teacherId !== principal.userId) throw new ProgressError('FORBIDDEN', 'A teacher sees only their own students');
    return { kind: 'teacher', teacherId: principal.userId };
  }
  if (principal.role === 'EDU_ADMIN') return teacherId ? { kind: 'teacher', teacherId } : { kind: 'allStudents' };
  throw notAFollower();
}
