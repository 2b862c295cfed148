import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { STUDENT_LISTENING_STORE, type StudentListeningStore } from '../../ports/student-listening-store.port';
import { EraseListeningDataCommand } from './erase-listening-data.command';

/** Idempotent: erasing twice finds nothing the second time. */
@CommandHandler(EraseListeningDataCommand)
export class EraseListeningDataHandler implements ICommandHandler<EraseListeningDataCommand> {
  constructor(@Inject(STUDENT_LISTENING_STORE) private readonly students: StudentListeningStore) {}

  async execute({ userId }: EraseListeningDataCommand): Promise<void> {
    await this.students.erase(userId);
  }
}
