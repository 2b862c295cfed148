import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { StudentRecord } from '@tall/progress/contracts';
import { studentRecord, todayAt } from '@tall/progress/domain';
import { PROGRESS_CLOCK, type Clock } from '../../ports/clock.port';
import { PROGRESS_READ_STORE, type ProgressReadStore } from '../../ports/progress-read-store.port';
import { ProgressError } from '../../progress-error';
import { GetOwnRecordQuery } from './get-own-record.query';

/** Zeros before any activity: every student has a record, even one progress has not heard of yet. */
@QueryHandler(GetOwnRecordQuery)
export class GetOwnRecordHandler implements IQueryHandler<GetOwnRecordQuery> {
  constructor(
    @Inject(PROGRESS_READ_STORE) private readonly store: ProgressReadStore,
    @Inject(PROGRESS_CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ principal }: GetOwnRecordQuery): Promise<StudentRecord> {
    if (principal.role !== 'STUDENT') throw new ProgressError('FORBIDDEN', 'Only students have a progress record of their own');
    const at = todayAt(this.clock.now());
    return studentRecord(await this.store.record(principal.userId, at), at);
  }
}
