import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@tall/platform/database';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { EventHandler } from '@tall/platform/events';
import { RequestContext } from '@tall/platform/observability';
import { ErasureService } from '@tall/pii/application';
import { ProfileTopics, TeacherStudentLinked, TeacherStudentUnlinked, UserDeleted } from '@tall/profile/contracts';
import { piiInbox } from './pii-migrations';
import { PgPiiRepository } from './pg-pii.repository';

/** Erasure decided by profile (the user's own request, or a TECH_ADMIN): crypto-shred. */
@Injectable()
export class UserDeletedHandler implements EventHandler {
  readonly name = 'pii.shredOnUserDeleted';
  readonly topics = [ProfileTopics.userEvents];
  readonly types = [UserDeleted.type];

  constructor(@Inject(ErasureService) private readonly erasure: ErasureService) {}

  async handle(envelope: EventEnvelope): Promise<void> {
    if (envelope.version !== UserDeleted.version) return;
    const { userId } = UserDeleted.schema.parse(envelope.payload);
    // Idempotent by its tombstone: a redelivery finds the user erased and does nothing.
    await RequestContext.run({ correlationId: envelope.correlationId }, () => this.erasure.shred(userId, 'account-deleted'));
  }
}

/** Which students each teacher may see the name of, learned from profile. Applied once per event. */
@Injectable()
export class TeacherLinksHandler implements EventHandler {
  readonly name = 'pii.teacherStudentLinks';
  readonly topics = [ProfileTopics.userEvents];
  readonly types = [TeacherStudentLinked.type, TeacherStudentUnlinked.type];

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(PgPiiRepository) private readonly repository: PgPiiRepository,
  ) {}

  async handle(envelope: EventEnvelope): Promise<void> {
    if (envelope.type === TeacherStudentLinked.type && envelope.version === TeacherStudentLinked.version) {
      const { teacherId, studentId } = TeacherStudentLinked.schema.parse(envelope.payload);
      await piiInbox.runOnce(this.pool, envelope.id, this.name, (tx) => this.repository.link(tx, teacherId, studentId));
    } else if (envelope.type === TeacherStudentUnlinked.type && envelope.version === TeacherStudentUnlinked.version) {
      const { teacherId, studentId } = TeacherStudentUnlinked.schema.parse(envelope.payload);
      await piiInbox.runOnce(this.pool, envelope.id, this.name, (tx) => this.repository.unlink(tx, teacherId, studentId));
    }
  }
}
