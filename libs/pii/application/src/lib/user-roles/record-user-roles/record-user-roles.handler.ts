import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PERSONAL_DATA_REPOSITORY, type PersonalDataRepository } from '../../ports/personal-data-repository.port';
import { RecordUserRolesCommand } from './record-user-roles.command';

@CommandHandler(RecordUserRolesCommand)
export class RecordUserRolesHandler implements ICommandHandler<RecordUserRolesCommand> {
  constructor(@Inject(PERSONAL_DATA_REPOSITORY) private readonly repository: PersonalDataRepository) {}

  async execute({ users }: RecordUserRolesCommand): Promise<number> {
    if (users.length === 0) return 0;
    return this.repository.recordMissingRoles(users);
  }
}
