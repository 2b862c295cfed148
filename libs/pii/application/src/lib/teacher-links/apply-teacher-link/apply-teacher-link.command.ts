import { Command } from '@nestjs/cqrs';
import type { InboxDelivery, TeacherLink } from '../../ports/personal-data-repository.port';

/**
 * profile linked or unlinked a teacher and a student: from now on the teacher may (or may no
 * longer) read the student's name. Applied once per event and inbox handler (`delivery`).
 * False when the event was applied before.
 */
export class ApplyTeacherLinkCommand extends Command<boolean> {
  constructor(
    readonly delivery: InboxDelivery,
    readonly link: TeacherLink,
    readonly linked: boolean,
  ) {
    super();
  }
}
