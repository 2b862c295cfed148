import { Command } from '@nestjs/cqrs';
import type { Actor } from '@tall/profile/domain';

/** An admin unlinks a student from a teacher; unlinking what is not linked changes nothing. */
export class UnlinkStudentCommand extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly teacherId: string,
    readonly studentId: string,
  ) {
    super();
  }
}
