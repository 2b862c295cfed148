import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { EventHandler } from '@tall/platform/events';
import { RequestContext } from '@tall/platform/observability';
import { ApplyTeacherLinkCommand, ApplyUserRoleCommand, ShredPersonalDataCommand } from '@tall/pii/application';
import {
  ProfileTopics,
  TeacherStudentLinked,
  TeacherStudentUnlinked,
  UserCreated,
  UserDeleted,
  UserDisabled,
  UserEnabled,
  UserRoleChanged,
} from '@tall/profile/contracts';

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

/**
 * Every account's role, learned from profile: pii's read policy follows profile's administration
 * table, so it must know whose data an EDU_ADMIN asks for. `user.disabled`/`user.enabled` carry
 * the role too, which also teaches pii the role of an account created before it kept roles.
 */
@Injectable()
export class UserRolesHandler implements EventHandler {
  readonly name = 'pii.userRoles';
  readonly topics = [ProfileTopics.userEvents];
  readonly types = [UserCreated.type, UserRoleChanged.type, UserDisabled.type, UserEnabled.type];

  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async handle(envelope: EventEnvelope): Promise<void> {
    const role = roleIn(envelope);
    if (!role) return;
    await this.commands.execute(new ApplyUserRoleCommand({ eventId: envelope.id, handler: this.name }, role.userId, role.role));
  }
}

function roleIn(envelope: EventEnvelope): { userId: string; role: string } | undefined {
  for (const contract of [UserCreated, UserRoleChanged, UserDisabled, UserEnabled]) {
    if (envelope.type === contract.type && envelope.version === contract.version) {
      const { userId, role } = contract.schema.parse(envelope.payload);
      return { userId, role };
    }
  }
  return undefined;
}
