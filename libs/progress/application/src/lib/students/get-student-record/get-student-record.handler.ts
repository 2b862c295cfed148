import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { TeacherStudentRecord } from '@tall/progress/contracts';
import { studentRecord, todayAt } from '@tall/progress/domain';
import { PROGRESS_CLOCK, type Clock } from '../../ports/clock.port';
import { DISPLAY_NAMES, type DisplayNames } from '../../ports/display-names.port';
import { PROGRESS_LOGGER, type ProgressLogger } from '../../ports/progress-logger.port';
import { PROGRESS_READ_STORE, type ProgressReadStore } from '../../ports/progress-read-store.port';
import { shownNames } from '../shown-names';
import { notAFollower, studentNotFound } from '../student-access';
import { GetStudentRecordQuery } from './get-student-record.query';

/** A teacher reaches only their own linked students: anyone else's id answers 404, as an unknown one does. */
@QueryHandler(GetStudentRecordQuery)
export class GetStudentRecordHandler implements IQueryHandler<GetStudentRecordQuery> {
  constructor(
    @Inject(PROGRESS_READ_STORE) private readonly store: ProgressReadStore,
    @Inject(DISPLAY_NAMES) private readonly names: DisplayNames,
    @Inject(PROGRESS_CLOCK) private readonly clock: Clock,
    @Inject(PROGRESS_LOGGER) private readonly logger: ProgressLogger,
  ) {}

  async execute({ principal, studentId }: GetStudentRecordQuery): Promise<TeacherStudentRecord> {
    if (principal.role === 'TEACHER') {
      if (!(await this.store.isLinked(principal.userId, studentId))) throw studentNotFound();
    } else if (principal.role === 'EDU_ADMIN') {
      if (!(await this.store.isStudent(studentId))) throw studentNotFound();
    } else {
      throw notAFollower();
    }
    const at = todayAt(this.clock.now());
    const [state, { names, unavailable }] = await Promise.all([this.store.record(studentId, at), shownNames(this.names, [studentId], this.logger)]);
    return { ...studentRecord(state, at), name: names.get(studentId) ?? null, namesUnavailable: unavailable };
  }
}
