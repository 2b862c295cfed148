import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import { PiiAccessed, type PiiPurpose } from '@tall/pii/contracts';
import { accessorOf, type FieldName, type Reader } from '@tall/pii/domain';
import { CLOCK, type Clock } from '../ports/clock.port';
import { PERSONAL_DATA_REPOSITORY, type PersonalDataRepository } from '../ports/personal-data-repository.port';
import { piiEvent } from '../pii-events';

/** Records every read on `pii.access.log` (through the outbox) before its answer is returned. */
@Injectable()
export class AccessLog {
  constructor(
    @Inject(PERSONAL_DATA_REPOSITORY) private readonly repository: PersonalDataRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(reader: Reader, subjectIds: readonly string[], fields: readonly FieldName[], purpose: PiiPurpose): Promise<void> {
    await this.repository.appendEvents(subjectIds.map((subjectId) => this.entry(reader, subjectId, fields, purpose)));
  }

  private entry(reader: Reader, subjectId: string, fields: readonly FieldName[], purpose: PiiPurpose): EventEnvelope {
    return piiEvent(PiiAccessed, { ...accessorOf(reader), subjectId, fields: [...fields], purpose, at: this.clock.now().toISOString() }, subjectId);
  }
}
