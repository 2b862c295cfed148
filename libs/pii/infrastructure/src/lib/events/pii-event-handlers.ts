import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { EventHandler } from '@tall/platform/events';
import { RequestContext } from '@tall/platform/observability';
import { ApplyTeacherLinkCommand, ShredPersonalDataCommand } from '@tall/pii/application';
import { ProfileTopics, TeacherStudentLinked, TeacherStudentUnlinked, UserDeleted } from '@tall/profile/contracts';

/** Erasure decided by profile (the user's own request, or a TECH_ADMIN): crypto-shred. */
@Injectable()
export class UserDeletedHandler implements EventHandler {
  readonly name = 'pii.shredOnUserDeleted';
  readonly topics = [ProfileTopics.userEvents];
  readonly types = [UserDeleted.type];

  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async handle(envelope: EventEnvelope): Promise<void> {
    if (envelope.version !== UserDeleted.version) return;
    const { userId } = UserDeleted.schema.parse(envelope.payload);
    // Idempotent by its tombstone: a redelivery finds the user erased and does nothing.
    await RequestContext.run({ correlationId: envelope.correlationId }, () =>
      this.commands.execute(new ShredPersonalDataCommand(userId, 'account-deleted')),
    );
  }
}

/** Which students each teacher may see the name of, learned from profile. Applied once per event. */
@Injectable()
export class TeacherLinksHandler implements EventHandler {
  readonly name = 'pii.teacherStudentLinks';
  readonly topics = [ProfileTopics.userEvents];
  readonly types = [TeacherStudentLinked.type, TeacherStudentUnlinked.type];

  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async handle(envelope: EventEnvelope): Promise<void> {
    const delivery = { eventId: envelope.id, handler: this.name };
    if (envelope.type === TeacherStudentLinked.type && envelope.version === TeacherStudentLinked.version) {
      const { teacherId, studentId } = TeacherStudentLinked.schema.parse(envelope.payload);
      await this.commands.execute(new ApplyTeacherLinkCommand(delivery, { teacherId, studentId }, true));
    } else if (envelope.type === TeacherStudentUnlinked.type && envelope.version === TeacherStudentUnlinked.version) {
      const { teacherId, studentId } = TeacherStudentUnlinked.schema.parse(envelope.payload);
      await this.commands.execute(new ApplyTeacherLinkCommand(delivery, { teacherId, studentId }, false));
    }
  }
}
