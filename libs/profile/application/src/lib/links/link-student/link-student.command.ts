import { Command } from '@nestjs/cqrs';
import type { Actor } from '@tall/profile/domain';

/** An admin links a student to a teacher; idempotent. */
export class LinkStudentCommand extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly teacherId: string,
    readonly studentId: string,
  ) {
    super();
  }
}
